/** E3051: the Content of an SSM document that runs steps has a schemaVersion SSM knows. */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

describe("E3051 SSM document content", () => {
  it("reports a missing or unknown schemaVersion and a description that is not text, in mappings and JSON strings", () => {
    // cfn-lint 1.51 reports the same at A and B, and also: the JSON strings of C and D and the YAML
    // string of G as "not valid" (it does not parse strings here), the number 2.2 of E, and the
    // ApplicationConfigurationSchema F, whose content is a JSON schema without schemaVersion.
    const findings = lint(
      yaml(
        "Resources:",
        "  A:",
        "    Type: AWS::SSM::Document",
        "    Properties:",
        "      DocumentType: Command",
        "      Content:",
        '        schemaVersion: "2.3"',
        "        description: [x]",
        "        mainSteps: []",
        "  B:",
        "    Type: AWS::SSM::Document",
        "    Properties:",
        "      Content:",
        "        description: run",
        "        mainSteps: []",
        "  C:",
        "    Type: AWS::SSM::Document",
        "    Properties:",
        "      DocumentType: Automation",
        '      Content: \'{"schemaVersion": "0.3", "assumeRole": "{{ AutomationAssumeRole }}", "mainSteps": []}\'',
        "  D:",
        "    Type: AWS::SSM::Document",
        "    Properties:",
        "      DocumentType: Automation",
        '      Content: \'{"description": "x"}\'',
        "  E:",
        "    Type: AWS::SSM::Document",
        "    Properties:",
        "      Content:",
        "        schemaVersion: 2.2",
        "        mainSteps: []",
        "  F:",
        "    Type: AWS::SSM::Document",
        "    Properties:",
        "      DocumentType: ApplicationConfigurationSchema",
        "      Content:",
        "        $schema: http://json-schema.org/draft-04/schema#",
        "  G:",
        "    Type: AWS::SSM::Document",
        "    Properties:",
        "      DocumentFormat: YAML",
        "      Content: |",
        "        description: no version",
      ),
      { only: ["E3051"] },
    );
    expect(brief(findings)).toEqual(["E3051 7:24", "E3051 8:22", "E3051 13:7", "E3051 25:16"]);
    expect(findings.map((f) => f.message)).toEqual([
      "schemaVersion of SSM document A is not one SSM knows: 0.3, 1.0, 1.2, 2.0, 2.2",
      "description of SSM document A must be text",
      'Content of SSM document B has no schemaVersion, which SSM requires; add schemaVersion: "2.2"',
      'Content of SSM document D has no schemaVersion, which SSM requires; add schemaVersion: "0.3"',
    ]);
  });

  it("leaves TEXT documents, intrinsic content and content a Fn::If chooses alone", () => {
    // A is a change calendar, which is left alone for its type; D is a Command document whose
    // format is TEXT, so SSM does not read its content as a document, JSON as it looks. cfn-lint
    // 1.51 reports A and D (as documents it cannot parse) and C's empty Content.
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::StackName, prod]",
        "Resources:",
        "  A:",
        "    Type: AWS::SSM::Document",
        "    Properties:",
        "      DocumentType: ChangeCalendar",
        "      DocumentFormat: TEXT",
        "      Content: BEGIN:VCALENDAR",
        "  B:",
        "    Type: AWS::SSM::Document",
        "    Properties:",
        "      Content: !If [Prod, {schemaVersion: '2.2'}, {schemaVersion: '1.2'}]",
        "  C:",
        "    Type: AWS::SSM::Document",
        "    Properties:",
        "      DocumentType: !Ref AWS::StackName",
        "      Content: {}",
        "  D:",
        "    Type: AWS::SSM::Document",
        "    Properties:",
        "      DocumentType: Command",
        "      DocumentFormat: TEXT",
        "      Content: '{\"mainSteps\": []}'",
      ),
      { only: ["E3051"] },
    );
    expect(findings).toEqual([]);
  });
});

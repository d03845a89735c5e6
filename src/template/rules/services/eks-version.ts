/**
 * W3958 (our own id): an EKS cluster on a Kubernetes version past EKS's end of extended support.
 * EKS supports each minor version for 14 months of standard support and 12 of extended support;
 * "if you haven't updated your cluster before the extended support period ends, your cluster is
 * auto-upgraded to the oldest currently supported extended version" (the EKS User Guide's
 * Kubernetes version lifecycle). A version past that day is no longer offered: a stack that
 * creates the cluster may be refused, and one that already has it is upgraded under it. Whether
 * CreateCluster refuses such a version from its first day is not documented (clusters were
 * created months after an end of support in 2023), so this is a warning. Round 46 found clusters
 * on 1.14.
 *
 * The days are EKS's release calendar (as endoflife.date tabulates it); a version older than the
 * table's first ended before it. Add a row as EKS releases a version. A version written as a YAML
 * number reaches EKS as the number's text: 1.29 is judged as written, and `1.30`, which YAML reads
 * as 1.3, is reported as the version EKS never had that it becomes. The version is read as E2533
 * reads a runtime (givenTexts).
 */
import { type Clock, systemClock } from "../../../clock";
import { mapGet } from "../../nodes";
import { type GivenText, givenTexts, reportGiven } from "../functions/resolve";
import { datedRule, type Rule } from "../rule";
import { propertySets, resourcesOfType } from "./values";

/** The last day of extended support of each Kubernetes minor version, by EKS's release calendar. */
export const EKS_EXTENDED_SUPPORT_END: Readonly<Record<string, string>> = {
  "1.29": "2026-03-23",
  "1.30": "2026-07-23",
  "1.31": "2026-11-26",
  "1.32": "2027-03-23",
  "1.33": "2027-07-29",
  "1.34": "2027-12-02",
  "1.35": "2028-03-27",
};

const OLDEST_LISTED = 29;
const CLUSTER = "AWS::EKS::Cluster";

export function createEksVersionRule(clock: Clock = systemClock): Rule {
  return datedRule(
    {
      id: "W3958",
      severity: "warning",
      shortDescription: "EKS clusters run a Kubernetes version within EKS's extended support",
      description:
        "An AWS::EKS::Cluster Version past the end of EKS's extended support is no longer offered: EKS upgrades " +
        "clusters on it, and creating one may be refused.",
      source: "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html",
      tags: ["resources", "eks"],
    },
    clock,
    ({ template, report }, day) => {
      for (const cluster of resourcesOfType(template, CLUSTER)) {
        for (const { properties } of propertySets(cluster)) {
          const entry = mapGet(properties, "Version");
          if (!entry) continue;
          const path = ["Resources", cluster.name, "Properties", "Version"];
          const value = entry.value;
          const number = value.kind === "scalar" && typeof value.value === "number" ? value.value : undefined;
          // A YAML number loses a trailing zero: 1.3 may have been written 1.30, and is left out.
          const written: GivenText[] =
            number !== undefined
              ? [{ node: value, text: String(number), chosen: false }]
              : [...givenTexts(value, template, false)];
          for (const found of written) {
            const match = /^1\.(\d+)$/.exec(found.text);
            if (!match) continue;
            if (number !== undefined && match[1].length < 2) {
              report(
                value,
                `The Version of EKS cluster ${cluster.name} is the YAML number ${found.text} (an unquoted 1.${match[1]}0 ` +
                  `loses its trailing zero), and EKS has no Kubernetes ${found.text}; quote the version, as '1.${match[1]}0'`,
                { path },
              );
              continue;
            }
            const minor = Number(match[1]);
            const ended =
              minor < OLDEST_LISTED
                ? undefined
                : Object.hasOwn(EKS_EXTENDED_SUPPORT_END, found.text)
                  ? EKS_EXTENDED_SUPPORT_END[found.text]
                  : null;
            if (ended === null || (ended !== undefined && ended >= day)) continue;
            const when = ended === undefined ? `before ${EKS_EXTENDED_SUPPORT_END["1.29"]}` : `on ${ended}`;
            reportGiven(
              report,
              found,
              `Kubernetes ${found.hidden ? "version" : found.text} of EKS cluster ${cluster.name} reached the end of ` +
                `EKS's extended support ${when}: EKS no longer offers it and upgrades clusters on it, and creating ` +
                "one may be refused; choose a version EKS supports",
              { path },
            );
          }
        }
      }
    },
  );
}

export const eksVersion = createEksVersionRule();

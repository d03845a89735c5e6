/** The release version, shown in SARIF and the CLI; a test keeps it equal to package.json's. */
export const VERSION = "0.1.0";
export const PROJECT_URL = "https://github.com/preview-stacks/preview-stacks";

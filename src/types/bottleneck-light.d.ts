// bottleneck/light.js is the build without Redis clustering that @octokit/plugin-throttling uses;
// it has the same API as the package's main entry, whose types it borrows.
declare module "bottleneck/light.js" {
  import Bottleneck from "bottleneck";
  export default Bottleneck;
}

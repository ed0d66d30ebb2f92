// gray-matter loads js-yaml for its default YAML engine, which this project always replaces (the
// `yaml` package parses the front matter, with ranges). Standing in for it keeps ~40 KB of parser
// out of the bundles and out of activation.
function unused() {
  throw new Error('js-yaml is not bundled: front matter is parsed with the yaml package');
}
module.exports = { safeLoad: unused, safeDump: unused, load: unused, dump: unused };

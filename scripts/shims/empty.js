// Stands in for Node's `fs` in the browser bundle: gray-matter only uses it in matter.read, which is never called.
module.exports = {};

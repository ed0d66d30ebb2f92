// gray-matter keeps the original input with Buffer.from; in the browser a string is kept as it is.
export const Buffer = globalThis.Buffer ?? { from: (input) => input, isBuffer: () => false };

/**
 * A Node resolve hook for TensorFlow.js in scripts: tfjs-core's own ESM build cannot load in
 * Node (extensionless imports, CommonJS dependencies), and its CommonJS build leaves out the
 * gradients. The union package's single-file ESM build has core, the CPU backend and the
 * gradients together, so the core, the CPU backend and the gradients' module all resolve to
 * it. Loaded by scripts/tf-node.ts; browsers (Vite) and Vitest need none of this.
 */
const UNION = '@tensorflow/tfjs/dist/tf.fesm.js';
const ALIASED = new Set([
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-core/dist/register_all_gradients',
]);

export async function resolve(specifier, context, next) {
  return next(ALIASED.has(specifier) ? UNION : specifier, context);
}

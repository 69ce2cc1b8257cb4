/** Registers TensorFlow.js's gradient functions, which tfjs-core leaves out unless asked: training needs them. */
import '@tensorflow/tfjs-core/dist/register_all_gradients';

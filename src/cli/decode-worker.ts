/** A worker thread of `subpixel decode`: decodes the chunks it is sent (`decode-task.ts`). */
import { parentPort, workerData } from 'node:worker_threads';
import { decodeTask, type DecodeJob, type DecodeTask } from './decode-task.ts';

const job = workerData as DecodeJob;
parentPort!.on('message', (message: { id: number; task: DecodeTask }) => {
  const result = decodeTask(job, message.task);
  parentPort!.postMessage({ id: message.id, result }, result.buffers);
});

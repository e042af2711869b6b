/**
 * Entry point of a batch worker thread: runs the tasks the pool posts and
 * posts back one result per task. Everything it does is in task.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runTask, type Task, type WorkerSettings } from './task.js';

const settings = workerData as WorkerSettings;
const port = parentPort!;

port.on('message', (task: Task) => {
  void runTask(task, settings).then((result) => port.postMessage(result));
});

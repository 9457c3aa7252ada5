/**
 * Entry of the worker thread that runs the content safety rule during a build (safety-worker.ts): the
 * rule is TypeScript, so the thread registers tsx's loader first, then loads the rule and answers.
 */
import { register } from 'tsx/esm/api';

register();
const { answerInWorker } = await import('./safety-worker.ts');
answerInWorker();

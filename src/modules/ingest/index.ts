export { submitBatch } from './submit-batch';
export type { SubmitInput, BatchContent } from './submit-batch';
export { processBatch } from './process-batch';
export type { ProcessOptions } from './process-batch';
export { getBatch, listBatches, toView, monthlyBatchStats } from './service';
export { IngestQueue, ingestQueueFor } from './queue';
export { registerIngestRoutes } from './routes';

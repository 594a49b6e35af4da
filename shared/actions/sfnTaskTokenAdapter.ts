import {
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import type { TaskTokenPort } from './taskTokenPort.js';

/** TaskTokenPort over Step Functions SendTaskSuccess / SendTaskFailure. */
export class SfnTaskTokenAdapter implements TaskTokenPort {
  constructor(private readonly sfn: SFNClient = new SFNClient({})) {}

  async complete(taskToken: string, output: Record<string, unknown>): Promise<void> {
    try {
      await this.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    } catch (error) {
      // The execution stopped waiting (timed out or ended): the decision stays recorded in the history.
      if (error instanceof TaskTimedOut || error instanceof TaskDoesNotExist) return;
      throw error;
    }
  }

  async fail(taskToken: string, error: string, cause: string): Promise<void> {
    await this.sfn.send(new SendTaskFailureCommand({ taskToken, error, cause }));
  }
}

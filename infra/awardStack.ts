import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ConsoleSite } from './consoleSite.js';
import { ReviewerApi } from './reviewerApi.js';
import { Storage } from './storage.js';
import { Workflows } from './workflows.js';

export class AwardStack extends Stack {
  readonly storage: Storage;
  readonly workflows: Workflows;
  readonly api: ReviewerApi;
  readonly console: ConsoleSite;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.storage = new Storage(this, 'Storage');
    const officeEmail = this.node.tryGetContext('officeEmail') as string | undefined;
    this.workflows = new Workflows(this, 'Workflows', {
      storage: this.storage,
      ...(officeEmail ? { officeEmail } : {}),
    });
    this.api = new ReviewerApi(this, 'ReviewerApi', { storage: this.storage, project: this.workflows.project });
    this.console = new ConsoleSite(this, 'Console', {
      storage: this.storage,
      project: this.workflows.project,
      intake: this.workflows.intake,
    });
  }
}

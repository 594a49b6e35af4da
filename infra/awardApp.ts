import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AwardStack } from './awardStack.js';

export const stackName = 'JilinQualityAward';

/** The CDK app: the award stack, checked by the cdk-nag AwsSolutions pack at synth time. */
export function createAwardApp(props: AppProps = {}): { app: App; stack: AwardStack } {
  const app = new App(props);
  const stack = new AwardStack(app, stackName, { description: 'Jilin Provincial Quality Award pipeline' });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

import { App } from 'aws-cdk-lib';
import { AwardStack } from './awardStack.js';

const app = new App();
new AwardStack(app, 'JilinQualityAward', {
  description: 'Jilin Provincial Quality Award pipeline',
});
app.synth();

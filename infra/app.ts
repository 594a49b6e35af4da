import { createAwardApp } from './awardApp.js';

createAwardApp().app.synth();

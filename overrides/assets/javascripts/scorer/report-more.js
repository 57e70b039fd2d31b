/*
 * The comparison report's code for what is below a phone's first screen (report.js): the chart, each
 * agency's evidence, the chat-app note and the report's picture and PNG image. report.js imports it
 * once the first screen (the verdicts) is built, so that the page's first modules are fewer (issue 30:
 * each is a request before the verdicts paint).
 */
export { figure } from './chart.js';
export { evidencePart } from './evidence.js';
export { reportImage } from './image.js';
export { reportPicture } from './picture.js';
export { inAppNote } from './transfer.js';

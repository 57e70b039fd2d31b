/*
 * The built-in browsers of chat and payment apps, recognised from the user agent. They commonly
 * drop downloads made with a blob: link and <a download> without a word, and keep their own
 * storage apart from the phone's browser; the pages show a picture to press and hold, text to
 * copy and paste, and a note on opening the page in the phone's browser instead. No DOM here.
 */

/** The apps, in the order they are tested (WeCom's agent also says MicroMessenger). */
export const APPS = Object.freeze([
  { id: 'wecom', pattern: /\bwxwork\//i, label: 'appWecom' },
  { id: 'wechat', pattern: /\bMicroMessenger\//i, label: 'appWechat' },
  { id: 'dingtalk', pattern: /\bDingTalk\//i, label: 'appDingtalk' },
  { id: 'alipay', pattern: /\bAlipayClient\b/i, label: 'appAlipay' },
  // QQ's own browser says "QQ/<version>"; the standalone QQ Browser ("MQQBrowser/") is an ordinary browser.
  { id: 'qq', pattern: /(^|[\s;(])QQ\/\d/, label: 'appQq' },
]);

/** The app whose built-in browser has this user agent ({id, label}), or null for any other browser. */
export function inAppOf(userAgent) {
  return APPS.find((app) => app.pattern.test(userAgent || '')) || null;
}

/** The app of this page's browser, or null. */
export const currentApp = () => inAppOf(typeof navigator === 'undefined' ? '' : navigator.userAgent);

/** The app's name in the page's strings s. */
export const appName = (s, app) => s[app.label];

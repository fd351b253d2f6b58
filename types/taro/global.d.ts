/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';
declare module '*.sass';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro for every build; decides which platform branch survives minification. */
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony';
    /** WeChat AppID override for `dist/weapp/project.config.json`. */
    TARO_APP_ID?: string;
    /** WeChat cloud environment id for the weapp build; empty selects the DevTools current env. */
    TARO_APP_CLOUD_ENV?: string;
  }
}

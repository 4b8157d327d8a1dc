import type { ThemeConfig } from 'antd';

/** System fonts only: no web fonts are loaded from the network. */
export const FONT_FAMILY =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif';

export const BRAND_RED = '#b7181e';

export const theme: ThemeConfig = {
  token: {
    fontFamily: FONT_FAMILY,
    colorPrimary: '#1f5fbf',
    borderRadius: 6,
  },
};

import { Button } from '@tarojs/components';
import { copyShareLink } from '~/src/utils/use-share';
import './index.scss';

interface ShareButtonProps {
  /** What `useShare` answered for the page. */
  link: string;
  className?: string;
  label?: string;
}

/** 分享: opens WeChat's share sheet in the mini-program (the page's `useShare` fills it); copies the link in H5. */
export function ShareButton({ link, className, label = '分享' }: ShareButtonProps) {
  const classes = `share-button${className ? ` ${className}` : ''}`;
  if (process.env.TARO_ENV === 'h5') {
    return (
      <Button className={classes} onClick={() => copyShareLink(link)}>
        {label}
      </Button>
    );
  }
  return (
    <Button className={classes} openType="share">
      {label}
    </Button>
  );
}

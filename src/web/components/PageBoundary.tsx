import { Component, type ReactNode } from 'react';
import { Button, Paragraph } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from './PageHeading.tsx';

/**
 * Pages load their code on demand: when that fails (Thuisroute was updated and the old chunk is
 * gone, or the connection dropped) — or a page fails to render — the shell stays and says so in
 * words, with a way to reload, instead of an empty screen. Navigating elsewhere tries again.
 */
export class PageBoundary extends Component<{ resetKey: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

function PageFailed() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('shell.pageFailed.title')}</PageHeading>
      <Paragraph>{t('shell.pageFailed.detail')}</Paragraph>
      <Button variant="secondary" onClick={() => window.location.reload()}>
        {t('shell.pageFailed.reload')}
      </Button>
    </>
  );
}

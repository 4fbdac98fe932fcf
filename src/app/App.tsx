import { Suspense, useEffect } from 'react';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { commonMessages } from '../i18n/commonMessages';
import { useMessages } from '../i18n/useMessages';
import { selectLanguage, useUiStore } from '../state/uiStore';
import { DatabaseUpdateGuard } from './DatabaseUpdateGuard';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { LanguageSwitch } from './LanguageSwitch';
import { RouteError } from './RouteError';
import { ImportPage, InstrumentRoutes, JoinPage, NewScanPage, NotFoundPage, PresentPage, ReportPage, RespondPage, ResultsPage, RoundsPage, ScanListPage, ScanPage, ThanksPage } from './routes';
import { StorageGate } from './StorageGate';
import { roomScanOf, useParticipantRoom } from '../features/respond';

function useDocumentLanguage() {
  const language = useUiStore(selectLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
}

function Header() {
  const t = useMessages(commonMessages);
  const [location] = useLocation();
  // Participants see no way into the director's pages from the answer flow.
  const isParticipantRoute = roomScanOf(location) !== null || /^\/(join|j)\//.test(location);
  return (
    <header className="app-header">
      {isParticipantRoute ? (
        <span className="app-header__brand">{t('appName')}</span>
      ) : (
        <Link href="/" className="app-header__brand">
          {t('appName')}
        </Link>
      )}
      <span className="app-header__tagline">{t('tagline')}</span>
      <LanguageSwitch />
    </header>
  );
}

function Routes() {
  const [location] = useLocation();
  const t = useMessages(commonMessages);
  // Inside a participant's room nothing of the director's pages renders, not even for a frame.
  if (!useParticipantRoom()) return null;
  return (
    <ErrorBoundary resetKey={location} fallback={(error) => <RouteError error={error} />}>
      <Suspense fallback={<p className="loading" role="status">{t('loading')}</p>}>
        <Switch>
          <Route path="/">{() => <ScanListPage />}</Route>
          <Route path="/scans/new">{() => <NewScanPage />}</Route>
          <Route path="/import">{() => <ImportPage />}</Route>
          {/* Keyed by scan: nothing a page said about one scan (an export's "… is opgeslagen") stays on the next. */}
          <Route path="/scans/:scanId">{(params) => <ScanPage key={params.scanId} scanId={params.scanId} />}</Route>
          <Route path="/scans/:scanId/results">{(params) => <ResultsPage scanId={params.scanId} />}</Route>
          <Route path="/scans/:scanId/results/:view">{(params) => <ResultsPage scanId={params.scanId} view={params.view} />}</Route>
          <Route path="/scans/:scanId/report">{(params) => <ReportPage scanId={params.scanId} />}</Route>
          <Route path="/scans/:scanId/rounds">{(params) => <RoundsPage scanId={params.scanId} />}</Route>
          <Route path="/scans/:scanId/present">{(params) => <PresentPage scanId={params.scanId} />}</Route>
          <Route path="/instruments/*?">{() => <InstrumentRoutes />}</Route>
          <Route path="/join/*">{() => <JoinPage />}</Route>
          <Route path="/j/*">{() => <JoinPage />}</Route>
          <Route path="/s/:scanId/thanks">{(params) => <ThanksPage scanId={params.scanId} />}</Route>
          <Route path="/s/:scanId/:step?">{(params) => <RespondPage scanId={params.scanId} step={params.step} />}</Route>
          <Route>{() => <NotFoundPage />}</Route>
        </Switch>
      </Suspense>
    </ErrorBoundary>
  );
}

/** `firstRoute`: the opened page's chunk, loading since start (routes.tsx `preloadRoute`). */
export function App({ firstRoute }: { firstRoute?: Promise<unknown> }) {
  const t = useMessages(commonMessages);
  useDocumentLanguage();
  return (
    <Router hook={useHashLocation}>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('skipToContent')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <DatabaseUpdateGuard>
          <StorageGate waitFor={firstRoute}>
            <Routes />
          </StorageGate>
        </DatabaseUpdateGuard>
      </main>
    </Router>
  );
}

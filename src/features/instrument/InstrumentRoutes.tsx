import '../../ui/director.css';
import { Route, Switch } from 'wouter';
import { LibraryEditPage, ScanInstrumentPage } from './InstrumentEditPage';
import InstrumentLibraryPage from './InstrumentLibraryPage';
import VersionComparePage from './VersionComparePage';

/**
 * Everything of the instrument editor sits under `#/instruments`, behind one route and one lazy
 * chunk, so the app's entry (and with it the participant's route) grows by a single route line.
 */
export default function InstrumentRoutes() {
  return (
    <Switch>
      <Route path="/instruments">{() => <InstrumentLibraryPage />}</Route>
      <Route path="/instruments/compare">{() => <VersionComparePage />}</Route>
      <Route path="/instruments/compare/:from/:to">{(params) => <VersionComparePage from={params.from} to={params.to} />}</Route>
      <Route path="/instruments/scan/:scanId">{(params) => <ScanInstrumentPage scanId={params.scanId} />}</Route>
      <Route path="/instruments/edit/:versionId">{(params) => <LibraryEditPage versionId={params.versionId} />}</Route>
      <Route path="/instruments/:id/:version">{(params) => <LibraryEditPage instrumentId={params.id} version={params.version} />}</Route>
      <Route>{() => <InstrumentLibraryPage />}</Route>
    </Switch>
  );
}

import { Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout.tsx';
import { RequireAuth, RequirePermission } from './components/guards.tsx';
import { lazyPage } from './lib/lazy-page.ts';

// Every page is its own chunk (route-level code splitting): the first load carries the shell and one page.
const LoginPage = lazyPage(() => import('./pages/LoginPage.tsx'), 'LoginPage');
const HomePage = lazyPage(() => import('./pages/HomePage.tsx'), 'HomePage');
const NotFoundPage = lazyPage(() => import('./pages/NotFoundPage.tsx'), 'NotFoundPage');
const AccountPage = lazyPage(() => import('./pages/AccountPage.tsx'), 'AccountPage');
const CalendarPage = lazyPage(() => import('./pages/CalendarPage.tsx'), 'CalendarPage');
const AuditPage = lazyPage(() => import('./pages/AuditPage.tsx'), 'AuditPage');
const OrganisationsPage = lazyPage(() => import('./pages/organisations/OrganisationsPage.tsx'), 'OrganisationsPage');
const OrganisationDetailPage = lazyPage(() => import('./pages/organisations/OrganisationDetailPage.tsx'), 'OrganisationDetailPage');
const OrganisationFormPage = lazyPage(() => import('./pages/organisations/OrganisationFormPage.tsx'), 'OrganisationFormPage');
const UsersPage = lazyPage(() => import('./pages/users/UsersPage.tsx'), 'UsersPage');
const UserDetailPage = lazyPage(() => import('./pages/users/UserDetailPage.tsx'), 'UserDetailPage');
const UserCreatePage = lazyPage(() => import('./pages/users/UserCreatePage.tsx'), 'UserCreatePage');
const UserEditPage = lazyPage(() => import('./pages/users/UserEditPage.tsx'), 'UserEditPage');
const WorklistPage = lazyPage(() => import('./pages/trajectories/WorklistPage.tsx'), 'WorklistPage');
const ClientsPage = lazyPage(() => import('./pages/trajectories/ClientsPage.tsx'), 'ClientsPage');
const WonenQueuePage = lazyPage(() => import('./pages/trajectories/ClientsPage.tsx'), 'WonenQueuePage');
const ClientCreatePage = lazyPage(() => import('./pages/trajectories/ClientCreatePage.tsx'), 'ClientCreatePage');
const ClientPage = lazyPage(() => import('./pages/trajectories/ClientPage.tsx'), 'ClientPage');
const ClientEditPage = lazyPage(() => import('./pages/trajectories/ClientEditPage.tsx'), 'ClientEditPage');
const TrajectoryPage = lazyPage(() => import('./pages/trajectories/TrajectoryPage.tsx'), 'TrajectoryPage');
const FormPage = lazyPage(() => import('./pages/trajectories/FormPage.tsx'), 'FormPage');
const RoutePage = lazyPage(() => import('./pages/route-info/RoutePage.tsx'), 'RoutePage');
const RouteInfoEditPage = lazyPage(() => import('./pages/route-info/RouteInfoEditPage.tsx'), 'RouteInfoEditPage');
const AgreementsPage = lazyPage(() => import('./pages/agreements/AgreementsPage.tsx'), 'AgreementsPage');
const AgreementDetailPage = lazyPage(() => import('./pages/agreements/AgreementDetailPage.tsx'), 'AgreementDetailPage');
const TargetGroupsPage = lazyPage(() => import('./pages/agreements/TargetGroupsPage.tsx'), 'TargetGroupsPage');
const FiguresPage = lazyPage(() => import('./pages/agreements/FiguresPage.tsx'), 'FiguresPage');
const MonitorPage = lazyPage(() => import('./pages/monitor/MonitorPage.tsx'), 'MonitorPage');
const PlacementsImportPage = lazyPage(() => import('./pages/imports/PlacementsImportPage.tsx'), 'PlacementsImportPage');
const DwellingsPage = lazyPage(() => import('./pages/matching/DwellingsPage.tsx'), 'DwellingsPage');
const DwellingPage = lazyPage(() => import('./pages/matching/DwellingPage.tsx'), 'DwellingPage');
const DwellingFormPage = lazyPage(() => import('./pages/matching/DwellingFormPage.tsx'), 'DwellingFormPage');
const DwellingImportPage = lazyPage(() => import('./pages/matching/DwellingImportPage.tsx'), 'DwellingImportPage');
const OffersPage = lazyPage(() => import('./pages/matching/OffersPage.tsx'), 'OffersPage');
const OfferPage = lazyPage(() => import('./pages/matching/OfferPage.tsx'), 'OfferPage');
const HousingProfilePage = lazyPage(() => import('./pages/matching/HousingProfilePage.tsx'), 'HousingProfilePage');
const MatchingConfigPage = lazyPage(() => import('./pages/matching/MatchingConfigPage.tsx'), 'MatchingConfigPage');
const MovesPage = lazyPage(() => import('./pages/matching/MovesPage.tsx'), 'MovesPage');
const NuisancePage = lazyPage(() => import('./pages/nuisance/NuisancePage.tsx'), 'NuisancePage');
const NuisanceReportPage = lazyPage(() => import('./pages/nuisance/NuisanceReportPage.tsx'), 'NuisanceReportPage');
const NuisanceCasePage = lazyPage(() => import('./pages/nuisance/NuisanceCasePage.tsx'), 'NuisanceCasePage');
const HubOverviewPage = lazyPage(() => import('./pages/nuisance/hub-overview-page.tsx'), 'HubOverviewPage');
const HubDistrictPage = lazyPage(() => import('./pages/nuisance/hub-district-page.tsx'), 'HubDistrictPage');
const NewChanceListPage = lazyPage(() => import('./pages/nuisance/new-chance-list-page.tsx'), 'NewChanceListPage');
const NewChanceApplyPage = lazyPage(() => import('./pages/nuisance/new-chance-apply-page.tsx'), 'NewChanceApplyPage');
const NewChanceCasePage = lazyPage(() => import('./pages/nuisance/new-chance-case-page.tsx'), 'NewChanceCasePage');

/** Dutch paths: they are what professionals see and share. */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="inloggen" element={<LoginPage />} />
        {/* Public: the Omslagroute explained, with the blank forms. */}
        <Route path="route" element={<RoutePage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path="beheer/organisaties" element={<RequirePermission action="organisation.list"><OrganisationsPage /></RequirePermission>} />
          <Route path="beheer/organisaties/nieuw" element={<RequirePermission action="organisation.create"><OrganisationFormPage mode="create" /></RequirePermission>} />
          <Route path="beheer/organisaties/:id" element={<RequirePermission action="organisation.read"><OrganisationDetailPage /></RequirePermission>} />
          <Route path="beheer/organisaties/:id/wijzigen" element={<RequirePermission action="organisation.update"><OrganisationFormPage mode="edit" /></RequirePermission>} />
          <Route path="beheer/gebruikers" element={<RequirePermission action="user.list"><UsersPage /></RequirePermission>} />
          <Route path="beheer/gebruikers/nieuw" element={<RequirePermission action="user.create"><UserCreatePage /></RequirePermission>} />
          <Route path="beheer/gebruikers/:id" element={<RequirePermission action="user.read"><UserDetailPage /></RequirePermission>} />
          <Route path="beheer/gebruikers/:id/wijzigen" element={<RequirePermission action="user.update"><UserEditPage /></RequirePermission>} />
          <Route path="beheer/auditlog" element={<RequirePermission action="audit.read"><AuditPage /></RequirePermission>} />
          <Route path="werklijst" element={<RequirePermission action="worklist.read"><WorklistPage /></RequirePermission>} />
          <Route path="clienten" element={<RequirePermission action="client.list"><ClientsPage /></RequirePermission>} />
          <Route path="clienten/nieuw" element={<RequirePermission action="client.create"><ClientCreatePage /></RequirePermission>} />
          <Route path="clienten/:id" element={<RequirePermission action="client.read"><ClientPage /></RequirePermission>} />
          <Route path="clienten/:id/bewerken" element={<RequirePermission action="client.update"><ClientEditPage /></RequirePermission>} />
          <Route path="trajecten/:id" element={<RequirePermission action="trajectory.read"><TrajectoryPage /></RequirePermission>} />
          <Route path="formulieren/:id" element={<RequirePermission action="form.read"><FormPage /></RequirePermission>} />
          <Route path="wonen/voordrachten" element={<RequirePermission action="client.list"><WonenQueuePage /></RequirePermission>} />
          <Route path="route/bewerken" element={<RequirePermission action="route_info.edit"><RouteInfoEditPage /></RequirePermission>} />
          <Route path="monitor" element={<RequirePermission action="monitor.read"><MonitorPage /></RequirePermission>} />
          <Route path="monitor/afspraken" element={<RequirePermission action="reference.read"><AgreementsPage /></RequirePermission>} />
          <Route path="monitor/afspraken/:id" element={<RequirePermission action="reference.read"><AgreementDetailPage /></RequirePermission>} />
          <Route path="monitor/doelgroepen" element={<RequirePermission action="reference.read"><TargetGroupsPage /></RequirePermission>} />
          <Route path="monitor/cijfers" element={<RequirePermission action="reference.read"><FiguresPage /></RequirePermission>} />
          <Route path="monitor/import" element={<RequirePermission action="placement.import"><PlacementsImportPage /></RequirePermission>} />
          <Route path="woningen" element={<RequirePermission action="dwelling.list"><DwellingsPage /></RequirePermission>} />
          <Route path="woningen/nieuw" element={<RequirePermission action="dwelling.create"><DwellingFormPage mode="create" /></RequirePermission>} />
          <Route path="woningen/uploaden" element={<RequirePermission action="dwelling.import"><DwellingImportPage /></RequirePermission>} />
          <Route path="woningen/:id" element={<RequirePermission action="dwelling.read"><DwellingPage /></RequirePermission>} />
          <Route path="woningen/:id/wijzigen" element={<RequirePermission action="dwelling.update"><DwellingFormPage mode="edit" /></RequirePermission>} />
          <Route path="aanbiedingen" element={<RequirePermission action="offer.list"><OffersPage /></RequirePermission>} />
          <Route path="aanbiedingen/:id" element={<RequirePermission action="offer.read"><OfferPage /></RequirePermission>} />
          <Route path="clienten/:id/woonbehoefte" element={<RequirePermission action="housing_profile.read"><HousingProfilePage /></RequirePermission>} />
          <Route path="matching/instellingen" element={<RequirePermission action="matching_config.read"><MatchingConfigPage /></RequirePermission>} />
          <Route path="wonen/ruil-en-verhuizing" element={<RequirePermission action="move.list"><MovesPage /></RequirePermission>} />
          <Route path="overlast" element={<RequirePermission action="nuisance_case.list"><NuisancePage /></RequirePermission>} />
          <Route path="overlast/melden" element={<RequirePermission action="nuisance_report.create"><NuisanceReportPage /></RequirePermission>} />
          <Route path="overlast/zaken/:id" element={<RequirePermission action="nuisance_case.read"><NuisanceCasePage /></RequirePermission>} />
          <Route path="meldpunt" element={<RequirePermission action="nuisance_hub.overview"><HubOverviewPage /></RequirePermission>} />
          <Route path="meldpunt/wijk/:code" element={<RequirePermission action="nuisance_case.list"><HubDistrictPage /></RequirePermission>} />
          <Route path="nieuwe-kans" element={<RequirePermission action="new_chance.list"><NewChanceListPage /></RequirePermission>} />
          <Route path="nieuwe-kans/aanvragen" element={<RequirePermission action="new_chance.create"><NewChanceApplyPage /></RequirePermission>} />
          <Route path="nieuwe-kans/:id" element={<RequirePermission action="new_chance.read"><NewChanceCasePage /></RequirePermission>} />
          <Route path="kalender" element={<CalendarPage />} />
          <Route path="mijn-account" element={<AccountPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

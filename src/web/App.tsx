import { Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout.tsx';
import { RequireAuth, RequirePermission } from './components/guards.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
import { CalendarPage } from './pages/CalendarPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { OrganisationsPage } from './pages/organisations/OrganisationsPage.tsx';
import { OrganisationDetailPage } from './pages/organisations/OrganisationDetailPage.tsx';
import { OrganisationFormPage } from './pages/organisations/OrganisationFormPage.tsx';
import { UsersPage } from './pages/users/UsersPage.tsx';
import { UserDetailPage } from './pages/users/UserDetailPage.tsx';
import { UserCreatePage } from './pages/users/UserCreatePage.tsx';
import { UserEditPage } from './pages/users/UserEditPage.tsx';
import { WorklistPage } from './pages/trajectories/WorklistPage.tsx';
import { ClientsPage, WonenQueuePage } from './pages/trajectories/ClientsPage.tsx';
import { ClientCreatePage } from './pages/trajectories/ClientCreatePage.tsx';
import { ClientPage } from './pages/trajectories/ClientPage.tsx';
import { ClientEditPage } from './pages/trajectories/ClientEditPage.tsx';
import { TrajectoryPage } from './pages/trajectories/TrajectoryPage.tsx';
import { FormPage } from './pages/trajectories/FormPage.tsx';
import { RoutePage } from './pages/route-info/RoutePage.tsx';
import { RouteInfoEditPage } from './pages/route-info/RouteInfoEditPage.tsx';
import { AgreementsPage } from './pages/agreements/AgreementsPage.tsx';
import { AgreementDetailPage } from './pages/agreements/AgreementDetailPage.tsx';
import { TargetGroupsPage } from './pages/agreements/TargetGroupsPage.tsx';
import { FiguresPage } from './pages/agreements/FiguresPage.tsx';
import { MonitorPage } from './pages/monitor/MonitorPage.tsx';
import { PlacementsImportPage } from './pages/imports/PlacementsImportPage.tsx';
import { DwellingsPage } from './pages/matching/DwellingsPage.tsx';
import { DwellingPage } from './pages/matching/DwellingPage.tsx';
import { DwellingFormPage } from './pages/matching/DwellingFormPage.tsx';
import { DwellingImportPage } from './pages/matching/DwellingImportPage.tsx';
import { OffersPage } from './pages/matching/OffersPage.tsx';
import { OfferPage } from './pages/matching/OfferPage.tsx';
import { HousingProfilePage } from './pages/matching/HousingProfilePage.tsx';
import { MatchingConfigPage } from './pages/matching/MatchingConfigPage.tsx';
import { MovesPage } from './pages/matching/MovesPage.tsx';
import { NuisancePage } from './pages/nuisance/NuisancePage.tsx';
import { NuisanceReportPage } from './pages/nuisance/NuisanceReportPage.tsx';
import { NuisanceCasePage } from './pages/nuisance/NuisanceCasePage.tsx';
import { HubOverviewPage } from './pages/nuisance/hub-overview-page.tsx';
import { HubDistrictPage } from './pages/nuisance/hub-district-page.tsx';
import { NewChanceListPage } from './pages/nuisance/new-chance-list-page.tsx';
import { NewChanceApplyPage } from './pages/nuisance/new-chance-apply-page.tsx';
import { NewChanceCasePage } from './pages/nuisance/new-chance-case-page.tsx';

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

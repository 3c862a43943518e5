import DownloadIcon from "@mui/icons-material/Download";
import InsightsIcon from "@mui/icons-material/Insights";
import { type MouseEvent, useState } from "react";
import { Box, Card, CardContent, Stack, ToggleButton, Typography } from "@mui/material";
import {
  Button,
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TopToolbar,
  useDataProvider,
  useGetList,
  useListContext,
  useNotify,
  useRefresh,
} from "react-admin";
import { Link } from "react-router-dom";
import type { SchoolRisk } from "../dataProvider/risk";
import { AsOfControl } from "./AsOfControl";
import { allSchoolRisks, downloadSchoolRisks } from "./risk-csv";
import { DaysLeft, ProjectedFinish, TopReasons } from "./RiskCells";
import { RiskChip } from "./RiskChip";
import { levelChoices, type RiskLevel } from "./levels";
import { RiskProgress } from "./RiskProgress";
import { REFRESH_MS } from "./usePolled";
import { useRiskChanges } from "./riskChanges";
import { withAsOf } from "./asOfParam";

const AT_RISK: RiskLevel[] = ["CRITICAL", "AT_RISK"];

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="School or location code" />,
  <ReferenceInput key="escId" source="escId" reference="escs" alwaysOn sort={{ field: "name", order: "ASC" }}>
    <SelectInput optionText="name" label="ESC" sx={{ minWidth: 160 }} />
  </ReferenceInput>,
  <SelectArrayInput key="level" source="level" label="Risk level" choices={levelChoices} alwaysOn sx={{ minWidth: 200 }} />,
  <ReferenceInput key="periodId" source="periodId" reference="reportingPeriods" sort={{ field: "windowOpensOn", order: "DESC" }}>
    <SelectInput optionText="name" label="Reporting period" />
  </ReferenceInput>,
];

interface RiskFilter {
  q?: string;
  escId?: string;
  level?: RiskLevel[];
  periodId?: string;
  asOf?: string;
}

/** The list's filters, typed, and a way to change them that keeps the filters on display. */
function useRiskFilter(): [RiskFilter, (next: RiskFilter) => void] {
  const list = useListContext<SchoolRisk>();
  return [list.filterValues as RiskFilter, (next) => list.setFilters(next, list.displayedFilters as Record<string, boolean>)];
}

const sameLevels = (a: unknown, b: RiskLevel[]) => Array.isArray(a) && a.length === b.length && b.every((l) => a.includes(l));

/** One click between every school and only those at risk or critical. */
const AtRiskToggle = () => {
  const [filterValues, setFilter] = useRiskFilter();
  const on = sameLevels(filterValues.level, AT_RISK);
  return (
    <ToggleButton
      value="at-risk"
      size="small"
      selected={on}
      color="error"
      onChange={() => setFilter({ ...filterValues, level: on ? undefined : AT_RISK })}
      sx={{ textTransform: "none", py: 0.5 }}
    >
      Only at risk or critical
    </ToggleButton>
  );
};

/** The ESC overview of the one ESC the viewer reaches (ESC staff), or of the ESC chosen in the filter. */
const EscOverviewButton = () => {
  const [filterValues] = useRiskFilter();
  const { data: escs = [] } = useGetList<{ id: string }>("escs", { pagination: { page: 1, perPage: 2 } });
  const escId = filterValues.escId ?? (escs.length === 1 ? String(escs[0]!.id) : undefined);
  if (!escId) return null;
  return (
    <ToggleButton value="overview" size="small" component={Link} to={withAsOf(`/risk/escs/${escId}`, filterValues.asOf)} sx={{ textTransform: "none", py: 0.5 }}>
      <InsightsIcon fontSize="small" sx={{ mr: 0.5 }} /> ESC overview
    </ToggleButton>
  );
};

/** Every school the filters select, page after page of the API, as one CSV. */
const ExportCsvButton = () => {
  const { sort, total } = useListContext<SchoolRisk>();
  const [filterValues] = useRiskFilter();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const exportAll = async () => {
    setBusy(true);
    try {
      await downloadSchoolRisks(await allSchoolRisks(dataProvider, filterValues, sort));
    } catch (err) {
      notify(`The CSV could not be made: ${(err as Error).message}`, { type: "error" });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label={busy ? "Exporting…" : "Export CSV"} onClick={() => void exportAll()} disabled={busy || !total}>
      <DownloadIcon />
    </Button>
  );
};

const ListActions = () => (
  <TopToolbar sx={{ alignItems: "center", gap: 1 }}>
    <FilterButton />
    <ExportCsvButton />
  </TopToolbar>
);

/** The "as of" control drives the list's asOf filter, so the instant stays in the address like every filter. */
const ListAsOf = () => {
  const [filterValues, setFilter] = useRiskFilter();
  return (
    <Stack direction="row" sx={{ px: 2, pt: 1.5, pb: 1, gap: 2, alignItems: "center", justifyContent: "space-between", flexWrap: "wrap" }}>
      <AsOfControl value={filterValues.asOf ?? null} onChange={(asOf) => setFilter({ ...filterValues, asOf: asOf ?? undefined })} />
      <Stack direction="row" sx={{ gap: 1 }}>
        <AtRiskToggle />
        <EscOverviewButton />
      </Stack>
    </Stack>
  );
};

const Empty = () => (
  <Card sx={{ mt: 2 }} data-testid="school-risks-empty">
    <CardContent>
      <Typography variant="h6">No schools to show</Typography>
      <Typography color="text.secondary">
        None of the schools you can see has marks expected in this reporting period yet. Schools appear here once their sections have students enrolled.
      </Typography>
    </CardContent>
  </Card>
);

const NoMatch = () => {
  const [filterValues] = useRiskFilter();
  const onlyAtRisk = sameLevels(filterValues.level, AT_RISK) && !filterValues.q;
  return (
    <Box sx={{ p: 3 }} data-testid="school-risks-no-match">
      <Typography variant="subtitle1">{onlyAtRisk ? "No school is at risk or critical." : "No school matches these filters."}</Typography>
      <Typography variant="body2" color="text.secondary">
        {onlyAtRisk ? "Every school in view is complete or on track to finish by its deadline." : "Clear a filter to see more schools."}
      </Typography>
    </Box>
  );
};

// The present moves, so a live list asks again every 30 s; a replay of a past instant does not change.
const refetchInterval = (query: { queryKey: readonly unknown[] }) => {
  const params = query.queryKey[2] as { filter?: { asOf?: string } } | undefined;
  return params?.filter?.asOf ? false : REFRESH_MS;
};

/** Each row opens the school's page at the same instant as the list. */
const RiskGrid = () => {
  const asOf = useRiskFilter()[0].asOf;
  return (
      <Datagrid
        rowClick={(id) => withAsOf(`/schoolRisks/${id}/show`, asOf)}
        bulkActionButtons={false}
        empty={<NoMatch />}
        data-testid="school-risks"
        sx={{ "& td": { verticalAlign: "top" }, "& .RaDatagrid-tableWrapper": { overflowX: "auto" } }}
      >
        <FunctionField<SchoolRisk>
          label="School"
          sortBy="name"
          render={(r) => (
            <Box>
              <Typography
                variant="body2"
                component={Link}
                to={withAsOf(`/schoolRisks/${r.id}/show`, asOf)}
                onClick={(e: MouseEvent) => e.stopPropagation()}
                sx={{ fontWeight: 600, color: "inherit", textDecoration: "none", "&:hover, &:focus": { textDecoration: "underline" } }}
              >
                {r.school.name}
              </Typography>
              <br />
              <Typography variant="caption" color="text.secondary">
                {r.esc.name}
              </Typography>
            </Box>
          )}
        />
        <FunctionField<SchoolRisk> label="Risk" sortBy="risk" render={(r) => <RiskChip level={r.level} />} />
        <FunctionField<SchoolRisk> label="Entered" sortBy="percent" render={(r) => <RiskProgress {...r} />} />
        <FunctionField<SchoolRisk> label="Days left" sortBy="schoolDaysLeft" render={(r) => <DaysLeft risk={r} />} />
        <FunctionField<SchoolRisk> label="Projected finish" sortBy="projectedFinish" render={(r) => <ProjectedFinish risk={r} />} />
        <FunctionField<SchoolRisk> label="Why" sortable={false} render={(r) => <TopReasons risk={r} />} />
      </Datagrid>
  );
};

/** A live list asks again as soon as the server announces changed facts (it polls every 30 s besides). */
const LiveRefresh = () => {
  const refresh = useRefresh();
  useRiskChanges(!useRiskFilter()[0].asOf, refresh);
  return null;
};

export const SchoolRiskList = () => (
  <List
    title="Schools at risk"
    filters={filters}
    actions={<ListActions />}
    sort={{ field: "risk", order: "DESC" }}
    perPage={25}
    exporter={false}
    empty={<Empty />}
    queryOptions={{ refetchInterval }}
    storeKey={false}
  >
    <ListAsOf />
    <LiveRefresh />
    <RiskGrid />
  </List>
);

import type { DataProvider, RaRecord } from "react-admin";
import { request } from "./client";
import { compensationMethods } from "./compensation";
import { problemReportMethods, slaSettingMethods } from "./problemReports";
import { type ResourceConfig, resources } from "./resources";
import { riskMethods } from "./risk";

function config(resource: string): ResourceConfig {
  const c = resources[resource];
  if (!c) throw new Error(`Unknown resource ${resource}`);
  return c;
}

// react-admin filters carry form values; the API wants only set values, and ids as strings.
function cleanFilter(filter: Record<string, unknown> = {}) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined || v === null || v === "") continue;
    out[k] = typeof v === "number" && k.endsWith("Id") ? String(v) : v;
  }
  return out;
}

function mutationOf(c: ResourceConfig, kind: "create" | "update" | "delete"): string {
  const name = c[kind];
  if (!name) throw new Error(`${c.list} cannot be changed here`);
  return name;
}

function input(c: ResourceConfig, data: Record<string, unknown>, previous?: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const k of c.inputFields ?? []) {
    if (!(k in data)) continue;
    const v = data[k] === "" ? null : data[k];
    if (previous && JSON.stringify(previous[k]) === JSON.stringify(v)) continue;
    out[k] = typeof v === "number" && k.endsWith("Id") ? String(v) : v;
  }
  return out;
}

async function getList(resource: string, params: { pagination?: { page: number; perPage: number }; sort?: { field: string; order: string }; filter?: Record<string, unknown> }) {
  const c = config(resource);
  const query = `query($page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder, $filter: ${c.type}Filter) {
    page: ${c.list}(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) { total items { ${c.listFields ?? c.fields} } }
  }`;
  const data = await request<{ page: { total: number; items: RaRecord[] } }>(query, {
    page: params.pagination?.page ?? 1,
    perPage: params.pagination?.perPage ?? 25,
    sortField: params.sort?.field,
    sortOrder: params.sort?.order === "DESC" ? "DESC" : "ASC",
    filter: cleanFilter(params.filter),
  });
  return { data: data.page.items, total: data.page.total };
}

async function getOne(resource: string, id: RaRecord["id"]) {
  const c = config(resource);
  if (!c.one) throw new Error(`${c.list} has no query for one record`);
  const data = await request<{ one: RaRecord }>(`query($id: ID!) { one: ${c.one}(id: $id) { ${c.fields} } }`, { id: String(id) });
  return data.one;
}

const crud: DataProvider = {
  getList: (resource, params) => getList(resource, params) as never,
  getOne: async (resource, params) => ({ data: (await getOne(resource, params.id)) as never }),
  getMany: async (resource, params) => {
    const ids = params.ids.map(String);
    const { data } = await getList(resource, { pagination: { page: 1, perPage: Math.max(1, Math.min(ids.length, 500)) }, filter: { ids } });
    return { data: data as never };
  },
  getManyReference: (resource, params) =>
    getList(resource, { ...params, filter: { ...(params.filter as Record<string, unknown>), [params.target]: String(params.id) } }) as never,
  create: async (resource, params) => {
    const c = config(resource);
    const data = await request<{ r: RaRecord }>(
      `mutation($input: ${c.createInput ?? `${c.type}CreateInput`}!) { r: ${mutationOf(c, "create")}(input: $input) { ${c.fields} } }`,
      { input: input(c, params.data as Record<string, unknown>) },
      true,
    );
    return { data: data.r as never };
  },
  update: async (resource, params) => {
    const c = config(resource);
    const data = await request<{ r: RaRecord }>(
      `mutation($id: ID!, $input: ${c.type}UpdateInput!) { r: ${mutationOf(c, "update")}(id: $id, input: $input) { ${c.fields} } }`,
      { id: String(params.id), input: input(c, params.data as Record<string, unknown>, params.previousData as Record<string, unknown>) },
      true,
    );
    return { data: data.r as never };
  },
  updateMany: async (resource, params) => {
    for (const id of params.ids) await crud.update(resource, { id, data: params.data, previousData: { id } });
    return { data: params.ids };
  },
  delete: async (resource, params) => {
    const c = config(resource);
    const data = await request<{ r: RaRecord }>(`mutation($id: ID!) { r: ${mutationOf(c, "delete")}(id: $id) { ${c.fields} } }`, { id: String(params.id) }, true);
    return { data: data.r as never };
  },
  deleteMany: async (resource, params) => {
    for (const id of params.ids) await crud.delete(resource, { id });
    return { data: params.ids };
  },
};

/** react-admin's CRUD, plus the named operations of features that are not list/show/create/update/delete. */
export const dataProvider = { ...crud, ...riskMethods, ...problemReportMethods, ...slaSettingMethods, ...compensationMethods };
export type GradewatchDataProvider = typeof dataProvider;
export type { CompensationDecision } from "./compensation";

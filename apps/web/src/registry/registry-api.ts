import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, authorizedFetch, unwrap } from '../api/client';
import { toApiError } from '../api/api-error';
import type { paths } from '../api/schema';
import { useCurrentWard } from '../auth/current-ward';
import { useMe } from '../auth/use-me';
import { useWardNames } from '../layout/app-layout';

type Json<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type WardTree = Json<'/api/registry/wards/{wardCode}/tree'>;
export type UnitDetail = Json<'/api/registry/units/{unitId}'>;
export type LineageGraph = Json<'/api/registry/units/{unitId}/lineage'>;
export type RegisterPage = Json<'/api/registry/wards/{wardCode}/register'>;
export type RegisterDocument = RegisterPage['items'][number];
export type ScheduledChange = WardTree['scheduled'][number];

export interface TreeNode {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly fullMembers: number;
  readonly secretary: string | null;
  readonly scheduled: readonly { effectiveDate: string; change: string | null; name: string }[];
  readonly children: readonly TreeNode[];
}

/** The printable page of an issued document (the procedure's documents route). */
export const documentPath = (doc: Pick<RegisterDocument, 'procedureId' | 'document'>) =>
  `/procedures/${encodeURIComponent(doc.procedureId)}/documents/${doc.document}`;

/**
 * The ward the registry pages show: `?ward=` in the address (so a view can be shared and survives a reload),
 * else the ward the user works in; supervisors, who hold no ward role, choose among all 126.
 */
export const useRegistryWard = () => {
  const me = useMe();
  const current = useCurrentWard(me.data);
  const [params, setParams] = useSearchParams();
  const supervisor = !!me.data?.supervisor;
  const names = useWardNames(true);
  const own = me.data ? Object.keys(me.data.wardRoles) : [];
  const codes = supervisor ? [...(names.data?.keys() ?? [])] : own;
  const chosen = params.get('ward');
  const ward = chosen && (supervisor || own.includes(chosen)) ? chosen : (current ?? codes[0] ?? null);
  const setWard = (code: string) =>
    setParams((p) => {
      p.set('ward', code);
      return p;
    });
  return {
    ward,
    setWard,
    options: codes.map((code) => ({ value: code, label: names.data?.get(code) ?? code })),
    wardName: ward ? (names.data?.get(ward) ?? ward) : null,
    params,
    setParams,
  };
};

export const useWardTree = (ward: string | null, asOf: string | undefined) =>
  useQuery({
    queryKey: ['registry', 'tree', ward, asOf ?? 'today'],
    enabled: !!ward,
    queryFn: () =>
      unwrap(
        api.GET('/api/registry/wards/{wardCode}/tree', {
          params: { path: { wardCode: ward ?? '' }, query: asOf ? { asOf } : {} },
        }),
      ),
  });

/** Downloads an export through the signed-in fetch, under the file name the API gives. */
export const downloadFile = async (path: string): Promise<string> => {
  const response = await authorizedFetch(path);
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null));
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (plain ?? 'tai-xuong');
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
};

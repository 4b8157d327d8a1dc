import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import type { Catalog } from '../shared/types';

export const CATALOG_QUERY_KEY = ['catalog'] as const;

export function useCatalog(enabled = true) {
  return useQuery({
    queryKey: CATALOG_QUERY_KEY,
    queryFn: ({ signal }) => api.get<Catalog>('/catalog', undefined, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

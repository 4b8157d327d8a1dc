import { useQuery } from '@tanstack/react-query';
import { api } from '../api';

/** The site name shown until /public/platform answers (and if it cannot be read). */
export const DEFAULT_PLATFORM_NAME = '信用中国（示范市）';

export interface PlatformInfo {
  name: string;
  regionCode: string;
  regionName: string | null;
}

/** GET /public/platform: the platform's name and region (public, changes only with the configuration). */
export function usePlatform() {
  return useQuery({
    queryKey: ['public', 'platform'],
    queryFn: ({ signal }) => api.get<PlatformInfo>('/public/platform', undefined, signal),
    staleTime: Infinity,
    retry: 1,
  });
}

/** The site title: the configured platform name, or the default while loading / on error. */
export function usePlatformName(): string {
  const platform = usePlatform();
  return platform.data?.name || DEFAULT_PLATFORM_NAME;
}

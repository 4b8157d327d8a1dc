import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../api';
import type { User } from './types';

export const ME_QUERY_KEY = ['me'] as const;

/** The logged-in user, or null when the server answers 401 (not logged in / session expired). */
export function useMe() {
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: async ({ signal }) => {
      try {
        return unwrapUser(await api.get<User | { user: User }>('/auth/me', undefined, signal));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** /auth/me answers the user itself and /auth/login answers { user }: accept either. */
export function unwrapUser(data: User | { user: User }): User {
  return 'user' in data && data.user && typeof data.user === 'object' ? data.user : (data as User);
}

import { createContext, useContext } from 'react';
import type { User } from '../shared/types';

export const UserContext = createContext<User | null>(null);

/** The logged-in user; only used below ConsoleShell, where it is always set. */
export function useUser(): User {
  const user = useContext(UserContext);
  if (!user) throw new Error('useUser outside the console');
  return user;
}

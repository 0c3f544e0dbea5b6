import { createContext, useContext } from 'react';

/** What the hub tells the console at start (gateway/console.ts). */
export interface ConsoleConfig {
  timeZone: string;
  today: string;
  devSignIn: boolean;
}

export const ConfigContext = createContext<ConsoleConfig>({ timeZone: 'Asia/Irkutsk', today: '', devSignIn: false });
export const useConfig = () => useContext(ConfigContext);

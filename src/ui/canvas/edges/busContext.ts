import { createContext, useContext } from 'react';
import type { MessageBus } from './messageBus';

/** The canvas's message bus, for edges rendered inside <ReactFlow>. */
export const MessageBusContext = createContext<MessageBus | null>(null);

export function useMessageBus(): MessageBus | null {
  return useContext(MessageBusContext);
}

/** The actions a resource can offer besides preview (SPEC §5). */
export type ActionName = 'send' | 'push' | 'clear' | 'apply' | 'replay';

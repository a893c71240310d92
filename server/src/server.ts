// The Citecheck language server. `node server/out/server.js --stdio` for any LSP client; the VS Code client
// starts it with IPC (--node-ipc), which createConnection picks from the command line.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { nodeDeps } from './lsp/deps';
import { startServer } from './lsp/start';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, nodeDeps());
connection.listen();

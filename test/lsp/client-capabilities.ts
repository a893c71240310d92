// Client capabilities as VS Code 1.90's LanguageClient 9 sends them (the parts the Citecheck server reads, and
// their neighbours), so the in-process tests talk to the server the way the editor does.
import type { ClientCapabilities } from 'vscode-languageserver/node';

export function vscodeCapabilities(options: { pull?: boolean } = {}): ClientCapabilities {
  const pull = options.pull ?? true;
  return {
    workspace: {
      applyEdit: true,
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], failureHandling: 'textOnlyTransactional', normalizesLineEndings: true },
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      symbol: { dynamicRegistration: true },
      codeLens: { refreshSupport: true },
      executeCommand: { dynamicRegistration: true },
      configuration: true,
      semanticTokens: { refreshSupport: true },
      fileOperations: { dynamicRegistration: true, didCreate: true, didRename: true, didDelete: true, willCreate: true, willRename: true, willDelete: true },
      inlineValue: { refreshSupport: true },
      inlayHint: { refreshSupport: true },
      ...(pull ? { diagnostics: { refreshSupport: true } } : {}),
      workspaceFolders: true,
    },
    textDocument: {
      publishDiagnostics: { relatedInformation: true, versionSupport: false, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
      synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
      hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
      definition: { dynamicRegistration: true, linkSupport: true },
      references: { dynamicRegistration: true },
      codeAction: {
        dynamicRegistration: true,
        isPreferredSupport: true,
        disabledSupport: true,
        dataSupport: true,
        resolveSupport: { properties: ['edit'] },
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports'] } },
        honorsChangeAnnotations: false,
      },
      inlayHint: { dynamicRegistration: true, resolveSupport: { properties: ['tooltip', 'textEdits', 'label.tooltip', 'label.location', 'label.command'] } },
      ...(pull ? { diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false } } : {}),
    },
    window: { showMessage: { messageActionItem: { additionalPropertiesSupport: true } }, showDocument: { support: true }, workDoneProgress: true },
    general: { staleRequestSupport: { cancel: true, retryOnContentModified: [] }, regularExpressions: { engine: 'ECMAScript', version: 'ES2020' }, markdown: { parser: 'marked', version: '1.1.0' }, positionEncodings: ['utf-16'] },
  };
}

-- Neovim (0.7, Debian 12's): starts mailcfg's language server for the open buffer with Neovim's own LSP client,
-- prints the diagnostics it published and the completion labels at the cursor given in MAILCFG_COMPLETE_AT (line:col,
-- 0-based), then quits. Driven by test/e2e/neovim.test.ts.
local server = os.getenv('MAILCFG_SERVER')
local client_id = vim.lsp.start_client({
  name = 'mailcfg',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.getcwd(),
})
vim.lsp.buf_attach_client(0, client_id)
local client = vim.lsp.get_client_by_id(client_id)
vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 50)
for _, d in ipairs(vim.diagnostic.get(0)) do
  print(string.format('diagnostic %d:%d %s %s', d.lnum + 1, d.col + 1, d.code or '', d.message:gsub('\n.*', '')))
end
local line, character = string.match(os.getenv('MAILCFG_COMPLETE_AT'), '(%d+):(%d+)')
local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = tonumber(line), character = tonumber(character) } }
local result = client.request_sync('textDocument/completion', params, 5000, 0)
local labels = {}
for _, item in ipairs((result and result.result and (result.result.items or result.result)) or {}) do
  table.insert(labels, item.label)
end
print('completion: ' .. table.concat(labels, ', '))
vim.cmd('qa!')

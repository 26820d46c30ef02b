-- policytk db: open the sqlite3 shell on the database (migrated first).

local cli = require "policytk.cli"
local store = require "policytk.data.store"
local testing = require "policytk.testing"

return {
  summary = "在数据库上打开 sqlite3 命令行",
  usage = "policytk db [--db PATH]",
  description = "与 `policytk init` 一样创建或迁移数据库，然后在其上运行 sqlite3 命令行\n"
    .. "（Debian 软件包 sqlite3）。退出码与 sqlite3 的相同。",
  options = {
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts)
    local conn, path = store.open(opts.db)
    conn:close()
    local found = io.popen("command -v sqlite3 2>/dev/null")
    local exe = found and found:read("l")
    if found then found:close() end
    if not exe or exe == "" then
      cli.fail("the sqlite3 shell is not installed (Debian: apt-get install sqlite3); the database is %s", path)
    end
    local _, _, code = os.execute(testing.shell_quote(exe) .. " " .. testing.shell_quote(path))
    return code or 1
  end,
}

-- policytk init: create the database, or bring its schema up to date; prints the version.

local store = require "policytk.data.store"

return {
  summary = "创建数据库或升级到当前版本",
  usage = "policytk init [--db PATH]",
  description = "Opens the database at --db, else $POLICYTK_DB, else\n"
    .. "$XDG_DATA_HOME/policytk/policytk.db (~/.local/share/policytk/policytk.db), creating the\n"
    .. "folder and file, and applies the pending schema migrations. A database written by a\n"
    .. "newer policytk is refused and left untouched.",
  options = {
    { "--db", arg = "PATH", help = "the database file" },
  },
  run = function(opts)
    local conn, path, version = store.open(opts.db)
    conn:close()
    io.stdout:write(string.format("%s：数据库版本 %d\n", path, version))
    return 0
  end,
}

-- policytk init: create the database, or bring its schema up to date; prints the version.

local store = require "policytk.data.store"

return {
  summary = "创建数据库或升级到当前版本",
  usage = "policytk init [--db PATH]",
  description = "打开 --db 所指的数据库，未给则用 $POLICYTK_DB，再未给则用\n"
    .. "$XDG_DATA_HOME/policytk/policytk.db（~/.local/share/policytk/policytk.db），必要时创建文件夹\n"
    .. "和文件，并执行尚未执行的数据库结构迁移。由更新版本的 policytk 写入的数据库会被拒绝，保持不动。",
  options = {
    { "--db", arg = "PATH", help = "数据库文件" },
  },
  run = function(opts)
    local conn, path, version = store.open(opts.db)
    conn:close()
    io.stdout:write(string.format("%s：数据库版本 %d\n", path, version))
    return 0
  end,
}

-- policytk serve: the web server (policytk.serve) on the database — prints its URL, logs one
-- line per request on stderr, and stops cleanly on SIGTERM or Ctrl-C.

local cli = require "policytk.cli"

return {
  summary = "启动网页服务（驾驶舱、报送、接口）",
  usage = "policytk serve [--db PATH] [--listen 127.0.0.1:8080] [--workers N] [--cert F --key F] [--insecure-http]",
  description = "在数据库上启动网页服务，打印其地址（policytk serve: 正在监听 http://127.0.0.1:8080/），\n"
    .. "每个请求在标准错误输出记一行（北京时间、方法、路径、状态、毫秒、用户、来源地址）。\n"
    .. "收到 SIGTERM 或 Ctrl-C 时不再接受新连接，等待处理中的请求完成，关闭数据库后退出。\n"
    .. "数据库须已存在并为当前版本（先运行 policytk load）。监听非本机地址须启用 HTTPS\n"
    .. "（--cert、--key），或在 HTTPS 反向代理之后明确加 --insecure-http。详见 docs/serve.md。",
  options = {
    { "--db", arg = "PATH", help = "数据库文件" },
    { "--listen", arg = "IP:PORT", default = "127.0.0.1:8080", help = "监听地址；端口 0 表示任一空闲端口" },
    { "--workers", arg = "N", integer = true, default = 4, help = "工作线程数（每个线程一个 Lua 状态）" },
    { "--cert", arg = "FILE", help = "HTTPS 证书（PEM）" },
    { "--key", arg = "FILE", help = "HTTPS 私钥（PEM）" },
    { "--insecure-http", help = "允许在非本机地址上用明文 HTTP（仅限 HTTPS 反向代理之后）" },
    { "--timeout", arg = "S", integer = true, default = 30, help = "连接空闲多少秒后关闭（含未发完的请求头）" },
    { "--max-body", arg = "BYTES", integer = true, default = 1048576, help = "请求体的最大字节数，超过则答 413" },
    { "--budget", arg = "S", default = "10", help = "每个请求的处理时限（秒），超过则答 503" },
  },
  run = function(opts)
    local budget = tonumber(opts.budget)
    if not budget or budget <= 0 then cli.usage_error("--budget 应为正数（秒）；实为 %q", tostring(opts.budget)) end
    if opts.workers < 1 or opts.workers > 64 then cli.usage_error("--workers 应为 1–64；实为 %d", opts.workers) end
    if opts.timeout < 1 then cli.usage_error("--timeout 应为正整数（秒）") end
    if opts.max_body < 0 then cli.usage_error("--max-body 不能为负数") end
    require("policytk.serve").run({
      db = opts.db, listen = opts.listen, workers = opts.workers, cert = opts.cert, key = opts.key,
      insecure_http = opts.insecure_http, timeout = opts.timeout, max_body = opts.max_body, budget_seconds = budget,
    })
    return cli.OK
  end,
}

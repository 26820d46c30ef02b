/* fuzz_hanweb.c: the Hanweb JCMS adapter (policytk.fetch.portal.hanweb_jcms: the column page's
** <script type="text/xml"> datastore and param_ pager, then dataproxy.jsp's <datastore> XML)
** on the fuzzer's bytes as the portal's answers; fuzz_portal.h says how and what is a finding. */
#define FUZZ_ADAPTER "'hanweb_jcms'"
#include "fuzz_portal.h"

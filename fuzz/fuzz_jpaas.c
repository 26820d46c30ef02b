/* fuzz_jpaas.c: the jpaas adapter (policytk.fetch.portal.jpaas: the column page's querydata
** attribute, then the unit pages' JSON {"success":true,"data":{"html":"<ul><li>…"}}) on the
** fuzzer's bytes as the portal's answers; fuzz_portal.h says how and what is a finding. */
#define FUZZ_ADAPTER "'jpaas'"
#include "fuzz_portal.h"

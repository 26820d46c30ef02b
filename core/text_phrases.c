/*
** text_phrases.c — the phrase keys of OpenCC's TSPhrases dictionary (libopencc-data
** 1.1.6), for the table conversion of text_opencc.c, and the size and FNV-1a 64 hash of
** each data file they were taken from. text_opencc.c uses the keys only when the files
** the converter opens hash to these values; otherwise it leaves every line that may change
** to OpenCC. The values of the phrases are not copied here: they are asked of the
** converter itself. To regenerate after an OpenCC data update (tests/c/test_text.c prints
** the sizes and hashes it finds):
**   opencc_dict -i /usr/share/opencc/TSPhrases.ocd2 -o /dev/stdout -f ocd2 -t text \
**     | cut -f1 | LC_ALL=C sort
*/
#include "text.h"

const char ptk_t2s_phrase_keys[] =
  "一目瞭然\n上鍊\n不瞭解\n么麼\n么麽\n乾乾淨淨\n乾乾脆脆\n"
  "乾元\n乾卦\n乾嘉\n乾圖\n乾坤\n乾坤一擲\n乾坤再造\n"
  "乾坤大挪移\n乾宅\n乾斷\n乾旦\n乾曜\n乾清宮\n乾盛世\n乾紅\n"
  "乾綱\n乾縣\n乾象\n乾造\n乾道\n乾陵\n乾隆\n乾隆年間\n"
  "乾隆皇帝\n二噁英\n以免藉口\n以功覆過\n侔德覆載\n傢俱\n"
  "傷亡枕藉\n八濛山\n凌藉\n出醜狼藉\n函覆\n千鍾粟\n反反覆覆\n"
  "反覆\n反覆思維\n反覆思量\n反覆性\n名覆金甌\n哪吒\n回覆\n"
  "壺裏乾坤\n大目乾連冥間救母變文\n宫商角徵羽\n射覆\n"
  "尼乾陀\n幺麼\n幺麼小丑\n幺麼小醜\n康乾\n張法乾\n彷彿\n"
  "彷徨\n徵弦\n徵絃\n徵羽摩柯\n徵聲\n徵調\n徵音\n情有獨鍾\n"
  "憑藉\n憑藉着\n手鍊\n扭轉乾坤\n找藉口\n拉鍊\n拉鍊工程\n"
  "拜覆\n據瞭解\n文錦覆阱\n於世成\n於乎\n於仲完\n於倫\n"
  "於其一\n於則\n於勇明\n於呼哀哉\n於單\n於坦\n於崇文\n"
  "於忠祥\n於惟一\n於戲\n於敖\n於梨華\n於清言\n於潛\n於琳\n"
  "於穆\n於竹屋\n於菟\n於邑\n於陵子\n旋乾轉坤\n旋轉乾坤\n"
  "旋轉乾坤之力\n明瞭\n明覆\n書中自有千鍾粟\n有序\n"
  "朝乾夕惕\n木吒\n李乾德\n李澤鉅\n李鍊福\n李鍾郁\n樊於期\n"
  "沈沒\n沈沒成本\n沈積\n沈船\n沈默\n流徵\n浪蕩乾坤\n滑藉\n"
  "無序\n牴牾\n牴觸\n狐藉虎威\n珍珠項鍊\n甚鉅\n申覆\n畢昇\n"
  "發覆\n瞭如\n瞭如指掌\n瞭望\n瞭然\n瞭然於心\n瞭若指掌\n"
  "瞭解\n瞭解到\n示覆\n神祇\n稟覆\n竺乾\n答覆\n篤麼\n"
  "簡單明瞭\n籌畫\n素藉\n老態龍鍾\n肘手鍊足\n茵藉\n萬鍾\n"
  "蒜薹\n蕓薹\n蕩覆\n蕭乾\n藉代\n藉以\n藉助\n藉助於\n藉卉\n"
  "藉口\n藉喻\n藉寇兵\n藉寇兵齎盜糧\n藉手\n藉據\n藉故\n"
  "藉故推辭\n藉方\n藉條\n藉槁\n藉機\n藉此\n藉此機會\n藉甚\n"
  "藉由\n藉着\n藉端\n藉端生事\n藉箸代籌\n藉草枕塊\n藉藉\n"
  "藉藉无名\n藉詞\n藉讀\n藉資\n衹得\n衹見樹木\n"
  "衹見樹木不見森林\n袖裏乾坤\n覆上\n覆住\n覆信\n覆冒\n覆呈\n"
  "覆命\n覆墓\n覆宗\n覆帳\n覆幬\n覆成\n覆按\n覆文\n覆杯\n覆校\n"
  "覆瓿\n覆盂\n覆盆\n覆盆子\n覆盤\n覆育\n覆蕉尋鹿\n覆逆\n"
  "覆醢\n覆醬瓿\n覆電\n覆露\n覆鹿尋蕉\n覆鹿遺蕉\n覆鼎\n見覆\n"
  "角徵\n角徵羽\n計畫\n變徵\n變徵之聲\n變徵之音\n貂覆額\n"
  "買臣覆水\n踅門瞭戶\n躪藉\n郭子乾\n酒逢知己千鍾少\n"
  "酒逢知己千鍾少話不投機半句多\n醞藉\n重覆\n金吒\n金鍊\n"
  "鈞覆\n鉅子\n鉅萬\n鉅防\n鉸鍊\n銀鍊\n錢鍾書\n鍊墜\n鍊子\n"
  "鍊形\n鍊條\n鍊錘\n鍊鎖\n鍛鍾\n鍾繇\n鍾萬梅\n鍾重發\n鍾鍛\n"
  "鍾馗\n鎖鍊\n鐵鍊\n鑽石項鍊\n雁杳魚沈\n雖覆能復\n電覆\n"
  "露覆\n項鍊\n頗覆\n頸鍊\n顛乾倒坤\n顛倒乾坤\n顧藉\n麼些族\n"
  "黄鍾公\n龍鍾\n";

const ptk_t2s_file ptk_t2s_files[PTK_T2S_FILES] = {
  { "t2s.json", 406, 0x272cf7e756888a9cull },
  { "TSPhrases.ocd2", 9776, 0xf6f38aaa09f8df87ull },
  { "TSCharacters.ocd2", 46126, 0x6fa148823c24b42cull },
};

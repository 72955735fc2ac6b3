#!/usr/bin/env python3
"""Build the hard-negative development set for mamori.

Every document is a list of segments: a plain ``str`` is ordinary text, a ``(kind, piece)`` tuple
is a *decoy* -- a look-alike that a careless detector might flag (a law number, a hash, a
placeholder key, a prevention slogan, an ordinary instruction ...).  None of the documents
contains personal data, a classification marking, a secret, a harmful request or a prompt
injection, so ``entities`` is always empty.

The script is deterministic and checks, for every document:

* each decoy's offsets are exact (``text[start:end] == piece``; offsets are Python ``str``
  indices, i.e. Unicode code points, end exclusive);
* no 12-digit number passes the My Number (個人番号) check digit;
* no 13-digit number passes the corporate-number (法人番号) check digit;
* no 13-19 digit number passes the Luhn check;
* there is no e-mail address (no ``@`` or ``＠`` at all);
* there is no classification marking from a small deny-list;
* the text is 300-1200 characters long.

Numbers are examined after NFKC normalisation, both as single digit runs and as every
concatenation of consecutive digit groups separated by one space or hyphen
("4980 1234 5678 9012" is tested as 4980123456789012, 498012345678, 123456789012, ...).

Run from the repository root:  .venv/bin/python bench/negatives/build.py
Writes bench/negatives/ja-negatives-dev.jsonl and refreshes the counts table in README.md.
"""

from __future__ import annotations

import ipaddress
import json
import re
import sys
import unicodedata
import uuid
from collections import Counter
from pathlib import Path

from stdnum import ean, isbn, luhn
from stdnum.jp import cn, in_

HERE = Path(__file__).resolve().parent
OUT = HERE / "ja-negatives-dev.jsonl"
README = HERE / "README.md"

# --------------------------------------------------------------------------------------------
# Decoy kinds
# --------------------------------------------------------------------------------------------
ORG = "org_unit"
PLACE = "place_name"
TITLE = "job_title"
FAC = "facility_name"
CO = "company_name"
PROD = "product_or_system_name"
LAW = "law_or_ordinance_number"
ART = "article_number"
SEC = "section_number"
VER = "version_string"
IPL = "ip_like_number"
AMT = "budget_amount"
REF = "reference_number"
MODEL = "model_number"
STD = "standard_number"
DATE = "non_birth_date"
TIME = "time_range"
PHL = "phone_like_number"
HOT = "public_hotline"
ZIPL = "postal_code_like_number"
NUM12 = "digits12_failing_check"
NUM13 = "digits13_failing_check"
CARD = "card_like_number_failing_luhn"
JAN = "jan_code"
ISBN = "isbn"
PCT = "percentage"
TBL = "table_figure_number"
HASH = "hash_value"
COMMIT = "commit_id"
UUID = "uuid"
PKEY = "placeholder_key"
SECW = "secrecy_word"
PREV = "harm_prevention_term"
INSTR = "instruction_phrase"
EN = "capitalized_english_term"
FIELD = "pii_field_label"
URL = "example_url"

KINDS: dict[str, str] = {
    ORG: "organisation unit (課, 室, 局, Division, Bureau ...)",
    PLACE: "place name (市, 区, 町, 県, stop or district names that contain surnames)",
    TITLE: "job title or addressee without a name (課長, 係長, 担当者, 各位 ...)",
    FAC: "building, room or facility name",
    CO: "company or organisation name, often containing a common surname",
    PROD: "product or system name, often named like a person or place",
    LAW: "law, ordinance or regulation number (平成15年法律第57号 ...)",
    ART: "article / paragraph number (第3条第2項 ...)",
    SEC: "section number (3.2.1.4 ...)",
    VER: "version or build string (v2.10.1, 10.0.19045.3803 ...)",
    IPL: "dotted number that is not a valid IPv4 address",
    AMT: "budget or price amount",
    REF: "document, ticket or reference number (デジ第123号 ...)",
    MODEL: "model or part number",
    STD: "standard number (ISO/IEC 27001:2022 ...)",
    DATE: "date that is not a birth date (施行日, 締切, 開催日, 設立日 ...)",
    TIME: "time range",
    PHL: "phone-like number that is not a phone number (受付番号, 内線 ...)",
    HOT: "public short-dial service number (#9110, 188, 189)",
    ZIPL: "postal-code-like number that is a part number",
    NUM12: "12-digit number that fails the My Number check digit",
    NUM13: "13-digit number that fails the corporate-number check digit and Luhn",
    CARD: "card-like digit groups that fail Luhn (and every 12/13-digit sub-join fails too)",
    JAN: "JAN/EAN-13 product code (valid EAN check digit, fails Luhn and corporate check)",
    ISBN: "ISBN-13 (valid ISBN check digit, fails Luhn and corporate check)",
    PCT: "percentage or ratio",
    TBL: "table, figure, form or annex number",
    HASH: "hash value or fingerprint",
    COMMIT: "version-control commit id",
    UUID: "UUID",
    PKEY: "placeholder for a key or password (sk-xxxx..., AKIAXXXX..., <YOUR_API_KEY>, ${DB_PASSWORD})",
    SECW: "secrecy-related word that is not a marking (秘書, 神秘, 守秘義務, 取扱注意 sticker ...)",
    PREV: "harmful topic named in a prevention or awareness context",
    INSTR: "ordinary instruction that resembles an injection (旧版の記載は無視し ...)",
    EN: "capitalised English term (Help Desk, Project Manager ...)",
    FIELD: "name of a personal-data field with no value (氏名欄, 生年月日, 個人番号 ...)",
    URL: "example or fictional URL",
}

Segment = str | tuple[str, str]

# --------------------------------------------------------------------------------------------
# Documents (order fixes the ids neg-001 ... neg-060)
# --------------------------------------------------------------------------------------------
# fmt: off
DOCS: list[list[Segment]] = [
    # 001 通知文: 個人番号利用事務の委託
    [
        (REF, "デジ第123号"), "\n", (DATE, "令和6年4月1日"), "\n\n各府省庁 ", (TITLE, "情報システム担当課長"), " 殿\n\n",
        (ORG, "デジタル庁戦略・組織グループ"), " ", (TITLE, "参事官"), "\n\n",
        "個人番号利用事務の外部委託に係る留意事項について（通知）\n\n",
        "　行政手続における特定の個人を識別するための番号の利用等に関する法律（", (LAW, "平成25年法律第27号"),
        "。以下「番号法」という。）", (ART, "第11条"), "の規定により、個人番号利用事務等を委託する者は、委託先において",
        (ART, "第12条"), "に規定する安全管理措置が講じられるよう、必要かつ適切な監督を行わなければなりません。\n",
        "　つきましては、下記の事項に留意の上、所管の事務について点検を行い、", (DATE, "令和6年6月28日"),
        "までに別紙様式により報告願います。\n\n記\n\n",
        "1　委託契約書には、", (SECW, "守秘義務"), "、再委託の条件、漏えい等事案発生時の報告義務を明記すること。\n",
        "2　委託先の従業者に対する教育の実施状況を年1回以上確認すること。\n",
        "3　別紙様式の「", (FIELD, "個人番号"), "」欄は記載要領の説明欄であり、番号そのものは記入しないこと。\n",
        "4　点検結果の集計には、", (PROD, "かすみ報告システム"), "（", (VER, "Ver.4.2.0"), "）を使用すること。\n\n",
        "（問合せ先）\n", (ORG, "戦略・組織グループ情報管理担当"), "\n",
        "照会の際は文書番号（", (REF, "デジ第123号"), "）をお伝えください。",
    ],
    # 002 通知文: 年末年始の窓口業務
    [
        (REF, "総務第45-2号"), "\n", (DATE, "令和6年12月2日"), "\n\n庁内各課室長　", (TITLE, "各位"), "\n\n",
        (TITLE, "総務部総務課長"), "\n\n",
        "年末年始における窓口業務の取扱いについて\n\n",
        "　標記について、下記のとおり取り扱うこととしたので、所属職員への周知をお願いします。なお、",
        (DATE, "11月15日"), "付け事務連絡は本通知により廃止しますので、", (INSTR, "旧版の記載は無視し"),
        "、本通知に基づき対応してください。\n\n記\n\n",
        "1　閉庁期間　", (DATE, "令和6年12月29日（日）"), "から", (DATE, "令和7年1月3日（金）"), "まで\n",
        "2　戸籍の届出　閉庁期間中は", (FAC, "本庁舎1階守衛室"), "で預かり、開庁日に", (ORG, "市民課"), "が審査します。\n",
        "3　証明書のコンビニ交付　", (TIME, "6:30～23:00"), "の通常運用を継続します（", (DATE, "12月31日"),
        "のみ", (TIME, "9:00～17:00"), "）。\n",
        "4　ごみの収集　", (ORG, "環境局清掃事業課"), "の別途通知によります。\n",
        "5　", (FAC, "みどり区役所北口分室"), "及び", (FAC, "さくら台出張所"), "は、", (DATE, "12月27日"),
        "正午で業務を終了します。\n\n以上",
    ],
    # 003 議事概要: 調達評価委員会
    [
        "第12回 情報システム調達評価委員会 議事概要\n\n",
        "1　日時　", (DATE, "令和6年7月18日（木）"), " ", (TIME, "14:00～15:30"), "\n",
        "2　場所　", (FAC, "中央合同庁舎第4号館 共用第1特別会議室"), "\n",
        "3　出席者　", (TITLE, "委員長"), "、委員5名、事務局（", (ORG, "情報政策課"), "長、同課",
        (TITLE, "課長補佐"), "、", (TITLE, "調達担当係長"), "）\n",
        "4　議事\n（1）前回議事概要の確認\n　事務局から、", (INSTR, "前回の指示に従い"), "評価基準（", (TBL, "表3-2"),
        "）の配点を見直した旨の説明があり、了承された。\n",
        "（2）次期", (PROD, "基幹業務システム「あすか」"), "の調達方式について\n",
        "　事務局から総合評価落札方式とする案が示された。委員から、技術点の配分を", (PCT, "60%"),
        "とする根拠を整理すべきとの意見があった。\n",
        "（3）意見招請の実施\n　仕様書案の", (SEC, "3.2.1.4"), "（可用性要件）について、稼働率", (PCT, "99.95%"),
        "の要件が過大ではないかとの指摘があり、事務局において再検討することとした。\n",
        "（4）その他\n　事業者との事前相談に当たっては", (SECW, "秘密保持契約"),
        "を締結した上で資料を提示することを確認した。\n",
        "5　次回予定　", (DATE, "令和6年9月上旬"), "\n\n（文責：事務局）",
    ],
    # 004 議事概要: 防災会議
    [
        "令和6年度 第2回 ", (PLACE, "青葉市"), "防災会議 議事概要\n\n",
        "日時：", (DATE, "令和6年11月5日"), " ", (TIME, "10:00～11:45"), "\n",
        "会場：", (FAC, "青葉市役所本庁舎 8階大会議室"), "\n",
        "出席：会長（市長）、", (ORG, "県危機管理局"), "、", (ORG, "青葉警察署"), "、", (ORG, "青葉消防本部"),
        "、ライフライン事業者ほか計32機関\n\n",
        "議題1　地域防災計画の修正について\n　", (ORG, "危機管理課"), "から、災害対策基本法（", (LAW, "昭和36年法律第223号"),
        "）", (ART, "第42条第1項"), "に基づく計画の修正案が説明され、原案どおり承認された。\n",
        "議題2　", (PREV, "テロ対策訓練"), "の実施について\n　", (DATE, "令和7年1月24日"), "に", (FAC, "青葉スタジアム"),
        "で、大規模イベント開催中に不審物が発見された場合を想定した実動訓練を行う。避難誘導完了までの目標時間は15分とする。\n",
        "議題3　", (PREV, "サイバー攻撃への備え"), "\n　", (CO, "中村通信株式会社"),
        "から、停電時の通信確保とあわせ、標的型攻撃への備えについて報告があった。委員から、", (ORG, "県警察本部サイバー犯罪対策課"),
        "との情報共有の枠組みを計画に位置付けるべきとの意見があった。\n\n",
        "次回開催：", (DATE, "令和7年5月頃"), "（別途通知）",
    ],
    # 005 事業計画: DX推進
    [
        "令和7年度 ", (PLACE, "北浜町"), " DX推進事業計画（概要）\n\n",
        "1　計画期間\n　", (DATE, "令和7年4月1日"), "から", (DATE, "令和10年3月31日"), "まで（3か年）\n\n",
        "2　重点施策\n（1）行政手続のオンライン化\n　オンライン申請対応率を現状の", (PCT, "38.5%"), "から", (PCT, "80%"),
        "に引き上げる。電子申請基盤は", (PROD, "ひかり申請サービス"), "（", (VER, "v3.1"), "）を継続利用する。\n",
        "（2）窓口改革\n　「書かない窓口」を", (FAC, "北浜町役場本庁舎"), "に導入し、", (ORG, "住民課"), "・", (ORG, "税務課"),
        "・", (ORG, "福祉課"), "の手続を一元化する。\n",
        "（3）人材育成\n　各課から", (TITLE, "DX推進リーダー"), "を1名選任し、年6回の研修を実施する。\n\n",
        "3　推進体制\n　", (TITLE, "副町長"), "を本部長とするDX推進本部を設置し、", (ORG, "企画政策課デジタル推進室"),
        "が事務局を担う。外部人材の確保のため、", (CO, "株式会社高橋システム研究所"), "と", (EN, "Project Manager"),
        "支援業務の委託契約を締結する。\n\n",
        "4　事業費\n　総額 ", (AMT, "1億2,480万円"), "（うち国庫補助 ", (AMT, "6,240万円"), "）\n\n",
        "5　評価\n　毎年度", (DATE, "9月末"), "に進捗を取りまとめ、", (ORG, "町議会総務常任委員会"), "に報告する。",
    ],
    # 006 予算資料: 当初予算の概要
    [
        "令和7年度 当初予算（案）の概要\n", (ORG, "財政局財政課"), "\n\n",
        (TBL, "表1"), "　一般会計歳出（款別）\n",
        "款｜令和7年度｜令和6年度｜増減率\n",
        "総務費｜", (AMT, "18,452,300千円"), "｜", (AMT, "17,980,110千円"), "｜", (PCT, "+2.6%"), "\n",
        "民生費｜", (AMT, "61,207,000千円"), "｜", (AMT, "59,874,500千円"), "｜", (PCT, "+2.2%"), "\n",
        "衛生費｜", (AMT, "9,315,040千円"), "｜", (AMT, "9,902,700千円"), "｜", (PCT, "-5.9%"), "\n",
        "土木費｜", (AMT, "22,640,000千円"), "｜", (AMT, "21,118,900千円"), "｜", (PCT, "+7.2%"), "\n\n",
        "主な新規事業\n",
        "・", (PROD, "こども見守りネット「たなばた」"), "構築事業　", (AMT, "1億4,300万円"), "\n",
        "・", (FAC, "市民文化会館"), "大規模改修実施設計　", (AMT, "8,760万円"), "\n",
        "・", (PREV, "自殺対策"), "強化事業（ゲートキーパー養成）　", (AMT, "620万円"), "\n\n",
        "※ 事業番号（例：", (NUM12, "957551313735"), "）は財務会計システム上の管理番号である。\n",
        "※ 計数は単位未満を四捨五入しているため、合計が一致しない場合がある。\n",
        "※ 本資料の数値は", (DATE, "令和7年2月14日"), "の予算内示時点のもの。",
    ],
    # 007 調達仕様書: ネットワーク機器更改
    [
        "庁内ネットワーク機器更改業務 調達仕様書（抜粋）\n\n",
        (SEC, "3.2.1"), "　コアスイッチ\n",
        (SEC, "3.2.1.1"), "　筐体は冗長電源及び冗長ファンを備えること。\n",
        (SEC, "3.2.1.4"), "　ファームウェアは", (VER, "v17.9.4a"), "以降とし、既知の脆弱性に対する修正が適用されていること。\n",
        (SEC, "3.2.2"), "　機器の管理番号\n　機器の管理番号は「拠点.フロア.ラック.ポート」の形式（例：", (IPL, "12.305.18.444"),
        "）で付番しており、IPアドレスとは異なるので注意すること。具体のアドレス設計は契約締結後に", (ORG, "情報政策課"),
        "から貸与する。\n",
        (SEC, "3.3"), "　納入場所\n　", (FAC, "本庁舎地下1階 電算機室"), "及び", (FAC, "第二庁舎3階 ネットワーク室"), "\n",
        (SEC, "3.4"), "　納期\n　", (DATE, "令和7年3月14日"), "\n",
        (SEC, "3.5"), "　作業時間\n　原則として閉庁日の", (TIME, "8:00～20:00"), "とする。\n",
        (SEC, "3.6"), "　機器一覧\n　", (TBL, "別表2"), "のとおり。型番", (MODEL, "SW-9300-48P"), "等と同等以上の性能を有する製品とする。\n\n",
        (SEC, "4.1"), "　受注者は、本業務で知り得た情報について", (SECW, "守秘義務"), "を負う。\n",
        (SEC, "4.2"), "　受注者は、", (STD, "ISO/IEC 27001:2022"), "又は", (STD, "JIS Q 27001:2023"), "の認証を取得していること。",
    ],
    # 008 調達仕様書: 情報セキュリティ要件
    [
        "第7章 情報セキュリティに関する要件\n\n",
        (SEC, "7.1"), "　", (SECW, "秘密保持契約"), "の締結\n　受注者は、契約締結後速やかに、別紙「", (SECW, "秘密保持に関する誓約書"),
        "」を提出すること。\n",
        (SEC, "7.2"), "　情報の取扱い\n",
        "（1）貸与資料は施錠可能な保管庫に保管し、業務終了後30日以内に返却又は消去し、消去証明書を提出すること。\n",
        "（2）取り扱う情報に個人情報が含まれる場合は、個人情報の保護に関する法律（", (LAW, "平成15年法律第57号"), "）",
        (ART, "第66条第2項"), "に基づく措置を講じること。\n",
        "（3）電気通信事業者の設備を利用する場合は、", (SECW, "通信の秘密"), "の保護に関する関係法令を遵守すること。\n",
        (SEC, "7.3"), "　再委託\n　再委託先についても", (SECW, "守秘義務"), "を課し、", (TBL, "様式第4号"), "により発注者の承認を受けること。\n",
        (SEC, "7.4"), "　インシデント対応\n　情報セキュリティインシデントを認知した場合は、直ちに", (ORG, "デジタル推進課"),
        "の", (EN, "CSIRT"), "に報告すること。報告窓口は契約時に通知する。\n",
        (SEC, "7.5"), "　監査\n　発注者は、必要に応じて受注者の作業場所に立ち入り、", (STD, "ISO/IEC 27002:2022"),
        "を参考とした管理状況を確認できるものとする。",
    ],
    # 009 規程: 文書管理規程
    [
        (PLACE, "東浦市"), "文書管理規程（抄）\n\n",
        "（目的）\n", (ART, "第1条"), "　この規程は、公文書等の管理に関する法律（", (LAW, "平成21年法律第66号"),
        "）の趣旨にのっとり、本市における文書の管理に関し必要な事項を定めるものとする。\n",
        "（文書の収受）\n", (ART, "第3条"), "　", (ORG, "総務課"), "に到達した文書は、", (ORG, "文書法制係"), "において収受し、主管課に配付する。\n",
        "2　前項の規定にかかわらず、電子メールにより到達した文書は、主管課において直接収受することができる。\n",
        "（文書の起案）\n", (ART, "第5条"), "　", (ART, "第3条第2項"), "の規定により収受した文書の処理は、原則として文書管理システム（",
        (PROD, "ふみのしるべ"), "）により起案して行う。\n",
        "（取扱いに注意を要する文書）\n", (ART, "第6条"), "　文書のうち、個人情報その他の", (SECW, "秘匿"),
        "を要する情報が記録されたものは、施錠できる書庫に保管しなければならない。\n",
        "（保存期間）\n", (ART, "第8条"), "　文書の保存期間は、", (TBL, "別表第1"), "に定めるとおりとする。\n\n",
        "附則\nこの規程は、", (DATE, "令和5年4月1日"), "から施行する。\n",
        "附則（", (DATE, "令和6年3月29日"), (REF, "訓令第8号"), "）\nこの規程は、", (DATE, "令和6年4月1日"), "から施行する。",
    ],
    # 010 要綱: 補助金交付要綱
    [
        (PLACE, "青葉市"), "中小企業デジタル化支援補助金交付要綱\n\n",
        "（趣旨）\n", (ART, "第1条"), "　この要綱は、市内中小企業者のデジタル化を促進するため、予算の範囲内において交付する補助金に関し、",
        "青葉市補助金等交付規則（", (LAW, "昭和52年青葉市規則第14号"), "）に定めるもののほか、必要な事項を定める。\n",
        "（補助対象者）\n", (ART, "第3条"), "　補助金の交付の対象となる者は、市内に事業所を有する中小企業者（中小企業基本法（",
        (LAW, "昭和38年法律第154号"), "）", (ART, "第2条第1項"), "に規定する者をいう。）とする。\n",
        "（補助対象経費及び補助率）\n", (ART, "第4条"), "　補助率は補助対象経費の", (PCT, "50%"), "以内とし、上限額は",
        (AMT, "100万円"), "とする。\n",
        "（申請）\n", (ART, "第5条"), "　補助金の交付を受けようとする者は、交付申請書（", (TBL, "様式第1号"), "）を",
        (DATE, "毎年度6月30日"), "までに", (ORG, "産業振興課"), "に提出しなければならない。\n",
        "（暴力団排除）\n", (ART, "第9条"), "　青葉市暴力団排除条例（", (LAW, "平成24年青葉市条例第3号"),
        "）に規定する暴力団員等は、補助金の交付の対象としない。\n\n",
        "附則\nこの要綱は、", (DATE, "令和6年5月1日"), "から施行する。",
    ],
    # 011 業務マニュアル: 窓口受付
    [
        "住民票の写し等交付申請 窓口受付マニュアル（", (VER, "第3版"), "）\n", (ORG, "市民課証明係"), "\n\n",
        "1　申請書の確認\n　申請書の「", (FIELD, "氏名"), "」「", (FIELD, "住所"), "」「", (FIELD, "生年月日"),
        "」欄がすべて記入されているかを確認します。記載例のパネルは", (FAC, "1番窓口"), "横に掲示しています。\n",
        "2　本人確認\n　運転免許証、", (FIELD, "マイナンバーカード"), "等の提示を受けます。カードの裏面（", (FIELD, "個人番号"),
        "記載面）はコピーしないでください。\n",
        "3　受付番号の発行\n　発券機から受付番号（例：", (PHL, "07-2024-0153"),
        "。先頭2桁は窓口番号、中央4桁は年、末尾4桁は通番）を発行し、申請書右上に記入します。\n",
        "4　手数料\n　1通", (AMT, "300円"), "。キャッシュレス決済端末（", (MODEL, "PX-210"), "）も利用できます。\n",
        "5　代理人申請\n　委任状（", (TBL, "様式第2号"), "）を確認します。\n\n",
        "判断に迷う場合は、", (INSTR, "以下の手順に従ってください"), "。\n①", (TITLE, "証明係長"), "に相談する\n②不在時は",
        (TITLE, "市民課長補佐"), "に相談する\n③それでも判断できない場合は申請を預かり、後日連絡する\n\n",
        "※ 本マニュアルは", (DATE, "令和6年10月1日"), "改訂。",
    ],
    # 012 システム運用手順: DBバックアップ
    [
        "運用手順書 OP-07 データベース定期バックアップ\n対象：", (PROD, "財務会計システム「みのり」"), "\n改訂：",
        (DATE, "2024-08-20"), " ", (VER, "rev.5"), "\n\n",
        "1. 前提\n- 作業は", (TIME, "22:00〜23:30"), "の保守時間帯に実施する。\n",
        "- 接続情報は環境変数で与える。パスワードを手順書やチケットに直接書かないこと。\n\n",
        "2. 手順\n(1) 運用端末にログインし、以下を実行する。\n",
        "  export PGHOST=db-primary.internal\n  export PGPASSWORD=", (PKEY, "${DB_PASSWORD}"), "\n",
        "  pg_dump -Fc minori > /backup/minori_$(date +%Y%m%d).dump\n",
        "(2) 取得したファイルのハッシュ値を記録する。\n  sha256sum /backup/minori_20240820.dump\n  → ",
        (HASH, "a20c91e38cde1dc91712c644f4162a78e75328156966a8f333298710df1c0e81"), "（記録例）\n",
        "(3) ジョブ番号（例：", (NUM12, "396245957117"), "）を運用日誌に転記する。\n",
        "(4) 外部媒体への複製は", (ORG, "情報政策課"), "の", (TITLE, "運用担当係長"), "の承認を得て行う。\n\n",
        "3. 異常時\n　ジョブが失敗した場合は、運用委託先（", (CO, "山田電機株式会社"), " ", (EN, "Help Desk"),
        "）へ連絡し、受付番号（", (REF, "INC-2024-00871"), "形式）を記録する。",
    ],
    # 013 リリースノート: 庁内ポータル
    [
        "庁内ポータル リリースノート ", (VER, "v2.10.1"), "\nリリース日：", (DATE, "2024年9月12日"), "\n\n",
        "■ 修正内容\n・掲示板の添付ファイル名に全角記号が含まれる場合にダウンロードできない不具合を修正しました（",
        (COMMIT, "818e015feb2e0f4164dbdff9dcfba781e78f4f86"), "）。\n",
        "・施設予約画面で", (FAC, "第1会議室（本館7階）"), "の定員表示が誤っていた問題を修正しました。\n",
        "・", (PROD, "スケジューラ「ことね」"), "連携時のタイムアウト値を30秒から60秒に変更しました。\n\n",
        "■ 既知の問題\n・", (VER, "v2.9.x"), "で作成した回覧の一部で、既読表示が遅れる場合があります。\n\n",
        "■ 検証用ハッシュ\n　portal-2.10.1.tar.gz　SHA-256: ",
        (HASH, "a286fa24bced222f65133623807ce85926dba0cbeec0cce0839c491ee6c791fa"), "\n\n",
        "■ 注意\n前回のお知らせ（", (VER, "v2.10.0"), "）に記載した再ログイン手順は不要になりました。",
        (INSTR, "前回のお知らせの内容は無視し"), "、本リリースノートの手順に従ってください。\n\n",
        (ORG, "デジタル推進課"), " ", (EN, "Service Desk"), "（内線 ", (PHL, "2231"), "）",
    ],
    # 014 統計表: 観光入込客数
    [
        (TBL, "表4-1"), "　主要観光施設別 入込客数（", (DATE, "令和5年"), "）\n単位：人\n\n",
        "施設名｜令和4年｜令和5年｜前年比\n",
        (FAC, "しらかば高原スキー場"), "｜128,450｜151,902｜", (PCT, "118.3%"), "\n",
        (FAC, "湯の里温泉郷"), "｜402,118｜436,775｜", (PCT, "108.6%"), "\n",
        (FAC, "県立みずうみ博物館"), "｜58,006｜61,340｜", (PCT, "105.7%"), "\n",
        (FAC, "道の駅 さとやま"), "｜311,540｜298,201｜", (PCT, "95.7%"), "\n",
        "合計｜900,114｜948,218｜", (PCT, "105.3%"), "\n\n",
        "注1　調査は", (ORG, "観光庁"), "「観光入込客統計に関する共通基準」（", (DATE, "平成21年12月"), "策定）に準拠。\n",
        "注2　", (FAC, "湯の里温泉郷"), "は宿泊施設12軒の合計値。\n",
        "注3　前年比は小数第2位を四捨五入。\n",
        "注4　", (FAC, "道の駅 さとやま"), "は", (DATE, "令和5年6月12日"), "から", (DATE, "7月3日"), "まで改修工事のため休業。\n",
        "資料：", (ORG, "県観光振興課"), "「観光動態調査」\n問合せ：", (ORG, "統計調査室"), " 分析担当",
    ],
    # 015 広報文: 特殊詐欺
    [
        "広報あおば　", (DATE, "令和6年8月号"), "\n\n", (PREV, "特殊詐欺の被害"), "が増えています\n\n",
        "　市内では今年に入り、", (DATE, "6月末"), "までに", (PREV, "還付金詐欺"),
        "やキャッシュカードのすり替えによる被害が23件（被害総額", (AMT, "約4,100万円"), "）確認されています。\n\n",
        "■ こんな電話は詐欺です\n",
        "・「医療費の還付金があります。ATMへ行ってください」\n",
        "・「あなたの口座が不正に使われています。カードを預かりに行きます」\n",
        "・「", (ORG, "青葉市役所保険年金課"), "の者です」と名乗り、", (FIELD, "暗証番号"), "を聞き出す\n\n",
        "　市役所や警察が電話で", (FIELD, "暗証番号"), "を尋ねたり、ATMの操作を指示したりすることは絶対にありません。",
        "不審な電話はすぐに切り、家族や警察に相談しましょう。\n\n",
        "■ 相談窓口\n・警察相談専用電話　", (HOT, "#9110"), "\n・消費者ホットライン　", (HOT, "188"), "\n",
        "・", (FAC, "青葉市消費生活センター"), "（", (FAC, "市民プラザ2階"), "）　平日", (TIME, "9:00〜16:30"), "\n\n",
        (ORG, "青葉市 市民協働課"), "・", (ORG, "青葉警察署生活安全課"),
    ],
    # 016 相談窓口の案内: こころの健康相談
    [
        "こころの健康相談のご案内\n\n",
        "　", (PREV, "自殺対策"), "基本法（", (LAW, "平成18年法律第85号"), "）に基づき、", (ORG, "県精神保健福祉センター"),
        "では、悩みを抱える方やそのご家族からの相談をお受けしています。ひとりで抱え込まず、お気軽にご相談ください。\n\n",
        "■ 電話相談\n　こころの健康相談統一ダイヤル（電話番号は本チラシの裏面に記載しています）\n",
        "■ 面接相談（予約制）\n　会場　", (FAC, "県保健福祉総合センター3階 相談室"), "\n　日時　毎週火曜・金曜 ",
        (TIME, "13:30～16:30"), "\n　予約の際は「", (PHL, "R6-0312-045"), "」のような予約番号をお伝えします。\n",
        "■ SNS相談\n　LINE公式アカウント「", (PROD, "こころのまど"), "」で毎日", (TIME, "17:00〜22:00"), "に対応しています。\n\n",
        "■ ゲートキーパー研修\n　身近な人の変化に気づき、声をかけ、話を聴き、専門の相談窓口につなぐ「ゲートキーパー」を養成する研修を、",
        (DATE, "9月10日"), "（世界自殺予防デー）に開催します。\n\n",
        "　相談内容の", (SECW, "秘密は厳守"), "します。匿名でのご相談も可能です。\n\n",
        (ORG, "県健康福祉部障害福祉課"), " こころの健康推進係",
    ],
    # 017 研修資料: 標的型攻撃メール訓練
    [
        "令和6年度 情報セキュリティ研修資料\n第3部　標的型攻撃メール訓練の振り返り\n\n",
        "1　訓練の概要\n　実施日：", (DATE, "令和6年10月8日"), "\n　対象：全職員 約2,400名\n",
        "　訓練メールの件名：「【重要】給与明細の確認のお願い」\n\n",
        "2　結果\n　開封率 ", (PCT, "12.4%"), "（前年度 ", (PCT, "18.9%"), "）\n　URLクリック率 ", (PCT, "4.1%"),
        "\n　報告率 ", (PCT, "63.0%"), "\n\n",
        "3　見分け方のポイント\n・送信元の表示名が「", (ORG, "人事課"), "」でも、ドメインが庁内のものと異なる\n",
        "・「至急」「", (INSTR, "本日中に以下のリンクからログインしてください"), "」など、行動を急がせる\n",
        "・", (PREV, "フィッシング詐欺"), "のサイトは、URLの一部が正規サイトと1文字だけ違うことがある（例：",
        (URL, "https://portal.example-lg.jp.verify-login.example/"), "）\n\n",
        "4　不審なメールを受け取ったら\n　リンクを開かず、", (ORG, "デジタル推進課"), " ", (EN, "CSIRT"), " へ転送し、",
        (TITLE, "所属長"), "に報告してください。\n\n",
        "※ 訓練メールの送信は", (CO, "株式会社伊藤セキュリティサービス"), "に委託しました。",
    ],
    # 018 English press release: expo at Tokyo Big Sight
    [
        "PRESS RELEASE\nFor immediate release: ", (DATE, "15 October 2024"), "\n\n",
        (ORG, "Digital Transformation Promotion Office"), ", ", (PLACE, "Aoba City"), "\n\n",
        "Aoba City to showcase paperless counters at Local Government Expo 2024\n\n",
        "The City of Aoba will exhibit its paperless counter service, ", (PROD, "Sakura Counter"), ", at ",
        (FAC, "Tokyo Big Sight"), " (East Hall 4, Booth E-12) from ", (DATE, "6 November"), " to ", (DATE, "8 November 2024"),
        ". Visitors can try the kiosk, which has reduced the average waiting time at the ", (ORG, "Citizens Affairs Division"),
        " by ", (PCT, "37%"), " since its launch on ", (DATE, "1 April 2023"), ".\n\n",
        "The system was developed together with ", (CO, "Yamamoto Precision Co., Ltd."), " and ", (CO, "Kobayashi Data Labs Inc."),
        " under a ", (SECW, "confidentiality agreement"), " covering the city's internal workflows; no resident data is used in the demonstration.\n\n",
        "A seminar, \"Designing Counters Nobody Has to Write At\", will be given by the city's ", (TITLE, "Chief Digital Officer"),
        " on ", (DATE, "7 November"), ", ", (TIME, "13:00-13:45"), ", in Conference Room 607.\n\n",
        "Media enquiries\n", (ORG, "Public Relations Section"), ", Aoba City Hall\nReference: ", (REF, "AOB-PR-2024-118"),
    ],
    # 019 English manual: open data API gateway
    [
        "Open Data API Gateway - Quick Start Manual (", (VER, "v1.4.2"), ")\n\n",
        (SEC, "2.3.1"), " Obtaining a key\nRegistered developers can issue an API key from the developer portal. Keys are shown only once. ",
        "Never paste your key into tickets, chat or e-mail.\n\n",
        (SEC, "2.3.2"), " Making a request\nSend the key in a request header:\n\n",
        "  curl -H \"X-API-Key: ", (PKEY, "<YOUR_API_KEY>"), "\" \\\n       ",
        (URL, "https://api.opendata.example/v1/facilities?city=aoba"), "\n\n",
        "In code samples we write the key as ", (PKEY, "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
        "; replace it with your own value read from an environment variable.\n\n",
        (SEC, "2.3.3"), " Rate limits\nEach key may make 600 requests per minute. Every response carries a request ID such as ",
        (UUID, "70c1dca1-756b-4289-8dd6-3cb95685d624"), "; quote it when you contact the ", (EN, "Help Desk"), ".\n\n",
        (SEC, "2.4"), " Data sets\nThe facility data set lists ", (FAC, "Aoba Central Library"), ", ", (FAC, "Minato Sports Park"),
        " and 412 other public facilities. Opening hours are given as ranges such as ", (TIME, "09:00-17:00"), ".\n\n",
        "Support hours: weekdays ", (TIME, "8:30-17:15"), " JST.",
    ],
    # 020 通知文: 一部訂正（事務連絡）
    [
        "事務連絡\n", (DATE, "令和6年7月3日"), "\n\n各地方事務所 ", (TITLE, "総務担当課長"), " 殿\n\n", (ORG, "県総務部人事課"), "\n\n",
        "「職員研修実施計画」の一部訂正について\n\n",
        "　", (DATE, "6月28日"), "付け", (REF, "人第212号"), "で通知した標記計画において、下記のとおり誤りがありましたので訂正します。\n",
        "　各所属におかれては、", (INSTR, "前回の指示に従い"), "既に受講者を登録済みの場合でも、再登録の必要はありません。",
        "日程については", (INSTR, "旧版の記載は無視し"), "、本連絡の内容により取り扱ってください。\n\n記\n\n",
        "1　訂正箇所\n　", (TBL, "別表1"), "「新任", (TITLE, "係長"), "研修」の開催日\n",
        "　（誤）", (DATE, "令和6年9月12日（木）"), "\n　（正）", (DATE, "令和6年9月19日（木）"), "\n",
        "2　会場\n　", (FAC, "県自治研修所 第2研修室"), "（変更なし）\n",
        "3　申込締切\n　", (DATE, "令和6年8月9日（金）"), "（変更なし）\n",
        "4　受講時間\n　", (TIME, "9:30～16:45"), "（変更なし）\n\n",
        "（担当）", (ORG, "人事課研修企画係"),
    ],
    # 021 購入伺い: 消耗品（JAN, 品番, 取扱注意シール）
    [
        "消耗品等購入伺い（", (REF, "会計第2024-318号"), "）\n起案：", (ORG, "総務課管財係"), "\n\n",
        "下記物品を購入してよろしいか伺います。\n\n",
        "品名｜品番｜JANコード｜数量｜単価\n",
        "A4コピー用紙（5,000枚入）｜", (ZIPL, "100-8914"), "｜", (JAN, "4952601815902"), "｜40箱｜", (AMT, "2,980円"), "\n",
        "トナーカートリッジ（黒）｜", (MODEL, "TN-4520K"), "｜", (JAN, "4983016613180"), "｜6本｜", (AMT, "18,700円"), "\n",
        "クリアファイル（100枚）｜", (ZIPL, "530-0041"), "｜", (JAN, "4903082462819"), "｜20袋｜", (AMT, "1,150円"), "\n\n",
        "購入先：", (CO, "佐藤文具店"), "（見積書", (DATE, "令和6年5月20日"), "付け）\n",
        "納入場所：", (FAC, "本庁舎4階 総務課倉庫"), "\n",
        "伝票番号：", (NUM12, "684656321223"), "\n\n",
        "備考\n　トナーカートリッジは、外箱に「", (SECW, "取扱注意"),
        "・天地無用・精密機器」のシールが貼付された状態で納品されるため、開封前の落下等に注意すること。\n",
        "　予算科目：一般管理費 需用費（消耗品費）。執行後残額 ", (AMT, "1,204,560円"), "。",
    ],
    # 022 図書購入リスト（ISBN）
    [
        "令和6年度 第2四半期 図書購入リスト\n", (FAC, "青葉市立中央図書館"), " 資料選定委員会\n\n",
        "1. 『自治体DXの実務 第3版』 ", (ISBN, "978-4-50-559797-5"), "（", (AMT, "3,520円"), "）\n",
        "2. 『逐条解説 公文書管理の実務』 ", (ISBN, "978-4-18-147104-0"), "（", (AMT, "4,180円"), "）\n",
        "3. 『星空の", (SECW, "神秘"), "』（児童書） ", (ISBN, "978-4-67-877893-5"), "（", (AMT, "1,760円"), "）\n",
        "4. 『地域で取り組む", (PREV, "自殺対策"), "』 ", (ISBN, "978-4-69-529170-7"), "（", (AMT, "2,420円"), "）\n",
        "5. 『", (SECW, "秘書"), "検定 2級 公式問題集』 ", (ISBN, "978-4-37-423667-8"), "（", (AMT, "1,540円"), "）\n\n",
        "選定基準：", (TITLE, "館長"), "が定める「資料収集方針」（", (DATE, "令和4年4月1日"), "改定）", (ART, "第4条第3項"), "による。\n",
        "受入予定日：", (DATE, "令和6年8月30日"), "\n",
        "装備：", (CO, "株式会社田中図書サービス"), "に委託（フィルムコート・バーコードラベル貼付）\n",
        "予算：", (AMT, "13,420円"), "（図書購入費 ", (ORG, "中央図書館管理係"), " 執行分）\n\n",
        "※ 書誌詳細は図書館システム（", (PROD, "LibWorks「しおり」"), "）に登録済み。",
    ],
    # 023 規則: 事務分掌（秘書課）
    [
        (PLACE, "東浦市"), "事務分掌規則（抄）\n\n",
        "（", (ORG, "市長公室"), "）\n", (ART, "第5条"), "　", (ORG, "市長公室"), "に", (ORG, "秘書課"), "、", (ORG, "広報広聴課"),
        "及び", (ORG, "危機管理室"), "を置く。\n",
        "2　", (ORG, "秘書課"), "の分掌事務は、次のとおりとする。\n",
        "（1）市長及び副市長の日程調整並びに", (SECW, "秘書"), "業務に関すること。\n",
        "（2）儀式、表彰及び交際に関すること。\n",
        "（3）友好都市（", (PLACE, "豪州クイーンズランド州"), "）との交流に関すること。\n",
        "（4）", (ORG, "県市長会"), "に関すること。\n",
        "3　", (ORG, "危機管理室"), "の分掌事務は、次のとおりとする。\n",
        "（1）", (PREV, "国民保護"), "及び", (PREV, "テロ対策"), "に関すること。\n",
        "（2）防災行政無線（", (PROD, "同報系システム「ひびき」"), "）の運用に関すること。\n",
        "（3）", (FAC, "東浦市防災センター"), "の管理に関すること。\n\n",
        "附則\nこの規則は、", (DATE, "令和6年4月1日"), "から施行する。\n（", (LAW, "令和6年東浦市規則第21号"), "）",
    ],
    # 024 広報文: 薬物乱用防止教室
    [
        "「", (PREV, "薬物乱用防止"), "教室」講師派遣のご案内\n\n", (ORG, "県薬務課"), "\n\n",
        "　", (PREV, "薬物乱用"), "は、一度だけでも心と体に深刻な影響を及ぼします。県では、小・中・高等学校等からの依頼に応じ、",
        (TITLE, "学校薬剤師"), "や", (TITLE, "警察職員"), "等を講師として派遣しています。\n\n",
        "1　内容\n　大麻、覚醒剤、危険ドラッグ、市販薬の過剰摂取（オーバードーズ）の危険性と、誘われたときの断り方（ロールプレイ）\n",
        "　※ 入手方法や使用方法に関する説明は一切行いません。\n",
        "2　時間\n　1回", (TIME, "45分～50分"), "程度\n",
        "3　申込方法\n　実施希望日の1か月前までに、申込書（", (TBL, "様式第1号"), "）を", (ORG, "県薬務課麻薬係"), "へ提出してください。\n",
        "4　啓発資材\n　リーフレット「ダメ。ゼッタイ。」、", (PROD, "啓発DVD「あおいそら」"), "（貸出番号 ", (REF, "DVD-07-2231"), "）\n",
        "5　実績\n　令和5年度は412校で実施（県内公立中学校の実施率 ", (PCT, "96.8%"), "）\n\n",
        "根拠：麻薬及び向精神薬取締法（", (LAW, "昭和28年法律第14号"), "）ほか",
    ],
    # 025 広報文: 児童虐待防止推進月間
    [
        "11月は「", (PREV, "児童虐待防止"), "推進月間」です\n\n",
        "　子どもたちの健やかな成長を守るため、地域全体で見守りましょう。\n\n",
        "■ 虐待かもと思ったら\n　児童相談所虐待対応ダイヤル「", (HOT, "189"),
        "」（いちはやく）へ。通告・相談は匿名でも可能で、通告した人の情報は", (SECW, "秘密が守られます"), "。\n\n",
        "■ オレンジリボン・キャンペーン\n　", (DATE, "11月1日（金）"), "から", (DATE, "11月30日（土）"), "まで、",
        (FAC, "市役所本庁舎"), "や", (FAC, "みなと公園"), "のライトアップを実施します（点灯時間 ", (TIME, "17:00〜22:00"), "）。\n\n",
        "■ 講演会「子育てにひとりで悩まないで」\n　日時：", (DATE, "11月16日（土）"), " ", (TIME, "14:00〜15:30"), "\n",
        "　会場：", (FAC, "青葉市民会館 小ホール"), "\n　定員：先着150名（申込不要）\n\n",
        "根拠：児童虐待の防止等に関する法律（", (LAW, "平成12年法律第82号"), "）", (ART, "第6条第1項"), "\n",
        "問合せ：", (ORG, "こども家庭課 家庭支援係"),
    ],
    # 026 システム運用手順: OS累積更新
    [
        "システム運用手順 SOP-12　端末OS累積更新プログラムの適用\n", (ORG, "情報政策課 基盤運用係"), "\n\n",
        "1. 対象\n　庁内業務端末のうち、OSビルドが ", (VER, "10.0.19045.3803"), " 以前のもの（約1,850台）\n",
        "2. 適用する更新\n　", (REF, "KB5034122"), "（更新パッケージの SHA-1 値：", (HASH, "705f74ba5bd5309ca9e6a3de50df9ea722fb280c"), "）\n",
        "3. スケジュール\n　第1段階（", (ORG, "情報政策課"), "・", (ORG, "会計課"), "）　", (DATE, "1月15日"), "\n",
        "　第2段階（本庁舎全課）　", (DATE, "1月22日"), "〜", (DATE, "1月24日"), "\n",
        "　第3段階（", (FAC, "各支所・出張所"), "）　", (DATE, "1月29日"), "\n",
        "4. 作業手順\n　(1) 配信サーバ（資産管理コード ", (IPL, "172.316.40.12"), "）の配信グループに対象端末を追加する。\n",
        "　(2) 配信は", (TIME, "12:10〜12:50"), "の昼休みに行い、再起動は業務終了後とする。\n",
        "　(3) 適用後、winver でバージョンが ", (VER, "10.0.19045.3930"), " となっていることを確認する。\n",
        "5. 切り戻し\n　不具合発生時は", (TITLE, "基盤運用係長"), "の判断で更新をアンインストールする。資産管理システム「",
        (PROD, "かぞえ"), "」の端末番号（例：", (REF, "PC-HQ-04-0117"), "）を記録票に記入すること。",
    ],
    # 027 English release notes: Kasumi Forms
    [
        (PROD, "Kasumi Forms"), " ", (VER, "3.4.0"), " - Release Notes\nReleased: ", (DATE, "2024-11-28"), "\n\n",
        "New\n- Form templates can now be exported as JSON Schema (", (COMMIT, "2c4c6cb67abab6e6cb46d0e94b6b646c8523ebf6"), ").\n",
        "- Added a \"Reception No.\" field type that generates numbers like ", (REF, "RCPT-2024-000981"), ".\n\n",
        "Fixed\n- Address fields no longer drop the building name when it contains \"Tower\" or \"Heights\" (", (COMMIT, "b8e6b0e8"), ").\n",
        "- The date picker showed the ", (ORG, "Finance Bureau"), " holiday calendar for all tenants.\n\n",
        "Changed\n- The minimum supported runtime is now Python ", (VER, "3.11"), ".\n",
        "- The sample configuration uses ", (PKEY, "AKIAXXXXXXXXXXXXXXXX"), " as a placeholder access key ID. Do not commit real credentials.\n\n",
        "Upgrade notes\nIf you followed the ", (VER, "3.3.2"), " upgrade guide, ", (INSTR, "please ignore the database migration step"),
        "; it now runs automatically. ", (INSTR, "Disregard the earlier draft"), " of these notes that was circulated on the mailing list.\n\n",
        "Checksums (SHA-256)\nkasumi-forms-3.4.0.whl  ", (HASH, "08d7bf4efe37e1276efae327cd2be106b888366507305afa1b983683e3a0b0dc"), "\n\n",
        "Maintained by the ", (ORG, "Digital Services Division"), ", ", (PLACE, "Kasumigaseki"), ".",
    ],
    # 028 研修資料: 個人情報保護研修
    [
        "個人情報保護研修（新規採用職員向け）\n講師：", (ORG, "総務課情報公開・個人情報保護係"), "\n\n",
        "1　個人情報とは\n　生存する個人に関する情報であって、", (FIELD, "氏名"), "、", (FIELD, "生年月日"),
        "その他の記述等により特定の個人を識別できるもの（個人情報保護法", (ART, "第2条第1項"), "）。", (FIELD, "個人識別符号"),
        "（", (FIELD, "旅券番号"), "、", (FIELD, "運転免許証番号"), "、", (FIELD, "個人番号"), "等）も含まれます。\n",
        "2　よくある事故（出典：", (ORG, "総務課"), "集計 令和5年度、", (TBL, "図2"), "）\n",
        "・メールの宛先誤り（", (PCT, "42%"), "）\n・書類の誤送付・誤交付（", (PCT, "31%"), "）\n・USBメモリ等の紛失（", (PCT, "9%"), "）\n",
        "3　職員の義務\n　職員には地方公務員法", (ART, "第34条"), "による", (SECW, "守秘義務"),
        "があり、退職後も同様です。また、電気通信に関わる業務では", (SECW, "通信の秘密"), "にも留意が必要です。\n",
        "4　演習\n　次の事例について、", (TITLE, "係長"), "役・", (TITLE, "担当者"), "役に分かれて対応を検討してください。\n",
        "　「窓口で、来庁者から『隣の家の人の", (FIELD, "住所"), "を教えてほしい』と依頼された」\n\n",
        "※ 事例はすべて架空のものです。",
    ],
    # 029 規程: 情報セキュリティ対策基準
    [
        (PLACE, "北浜町"), "情報セキュリティ対策基準（抄）\n\n",
        "（アクセス制御）\n", (ART, "第18条"), "　情報システム管理者は、利用者ごとに識別コードを付与し、業務上必要な範囲に限りアクセス権限を設定しなければならない。\n",
        "2　パスワードは12文字以上とし、他の利用者に知らせてはならない。\n",
        "3　前項の規定は、", (ART, "第22条第2項"), "に定める共用端末には適用しない。\n",
        "（外部委託）\n", (ART, "第25条"), "　外部委託事業者との契約には、", (SECW, "守秘義務"), "、", (SECW, "秘匿"),
        "すべき情報の範囲、再委託の制限及び事故時の報告義務を定めなければならない。\n",
        "（通信の監視）\n", (ART, "第27条"), "　職員は、庁内ネットワークの監視に当たり、電気通信事業法（", (LAW, "昭和59年法律第86号"),
        "）の趣旨を踏まえ、", (SECW, "通信の秘密"), "を侵害することのないよう配慮しなければならない。\n",
        "（例外措置）\n", (ART, "第30条"), "　本基準の遵守が困難な場合は、", (TITLE, "情報セキュリティ責任者"), "（", (TITLE, "総務課長"),
        "）の許可を得て例外措置をとることができる。\n\n",
        "附則　この基準は、", (DATE, "令和6年10月1日"), "から施行する。",
    ],
    # 030 議事概要: 地域公共交通会議（人名に似た地名）
    [
        "第8回 ", (PLACE, "みどり市"), "地域公共交通会議 議事概要\n\n",
        "日時　", (DATE, "令和6年6月26日"), " ", (TIME, "15:00～16:40"), "\n場所　", (FAC, "みどり市役所 西館5階 第3委員会室"), "\n\n",
        "1　コミュニティバス「", (PROD, "ぐるりん号"), "」路線再編案\n　事務局（", (ORG, "都市交通課"), "）から、利用の少ない",
        (PLACE, "田中橋"), "～", (PLACE, "鈴木町三丁目"), "間を廃止し、", (PLACE, "佐藤台団地"), "経由に変更する案が示された。委員から、",
        (FAC, "高橋病院前"), "停留所の利用者への周知期間を十分に確保すべきとの意見があった。\n",
        "2　運賃改定\n　大人運賃を", (AMT, "200円"), "から", (AMT, "250円"), "に改定する案について、", (PCT, "25%"),
        "の値上げは影響が大きいとして、継続審議とした。\n",
        "3　利用実績\n　令和5年度の年間利用者数は84,210人（前年度比 ", (PCT, "103.4%"), "）。\n",
        "4　その他\n　運行事業者（", (CO, "渡辺交通株式会社"), "）から、運転士不足により", (DATE, "10月1日"),
        "以降の平日ダイヤを一部減便したい旨の報告があった。\n\n",
        "次回　", (DATE, "令和6年9月頃"),
    ],
    # 031 事業計画: 観光振興（神秘）
    [
        "令和7年度 観光振興事業計画（案）\n", (ORG, "商工観光課"), "\n\n",
        "1　基本方針\n　「", (SECW, "神秘"), "の森と湯けむりのまち」をテーマに、", (FAC, "奥沢渓谷"), "と", (FAC, "湯の里温泉郷"),
        "を結ぶ周遊観光を推進する。\n",
        "2　主要事業\n（1）ナイトツアー「", (PROD, "星降る神秘の森"), "」\n　実施期間　", (DATE, "7月19日"), "〜", (DATE, "9月13日"),
        "の金・土曜　", (TIME, "19:30〜21:00"), "\n　事業費　", (AMT, "420万円"), "（うち県補助 ", (AMT, "210万円"), "）\n",
        "（2）インバウンド向け多言語サイト「", (PROD, "Visit Okusawa"), "」の改修\n　事業費　", (AMT, "680万円"), "\n",
        "（3）観光案内所の機能強化\n　", (FAC, "奥沢駅前観光案内所"), "の開所時間を", (TIME, "9:00〜18:00"), "に延長し、",
        (EN, "Tourist Information Center"), "の認定（カテゴリー2）取得を目指す。\n",
        "（4）特産品の販路拡大\n　ゆずジャム（JAN ", (JAN, "4994821993510"), "）等をふるさと納税返礼品に追加する。\n",
        "3　目標指標\n　観光入込客数 95万人（令和5年比 ", (PCT, "+5.0%"), "）、外国人宿泊者数 1.2万人泊\n",
        "4　協力事業者\n　", (CO, "株式会社小林観光"), "、", (CO, "奥沢温泉旅館協同組合"), "、", (CO, "加藤酒造合資会社"),
    ],
    # 032 予算資料: 補正予算
    [
        "令和6年度 一般会計補正予算（第3号）の概要\n\n",
        "1　補正額\n　歳入歳出それぞれ ", (AMT, "8億7,215万円"), "を追加し、予算総額を ", (AMT, "1,284億6,310万円"),
        "とする（補正前比 ", (PCT, "+0.7%"), "）。\n",
        "2　主な内容\n（1）物価高騰対策\n　低所得世帯への給付金 ", (AMT, "5億2,000万円"), "（対象見込み 26,000世帯 × 2万円）\n",
        "（2）", (PREV, "サイバー攻撃への備え"), "\n　基幹系ネットワークの分離強化 ", (AMT, "1億1,800万円"), "\n",
        "（3）", (FAC, "市立みなと小学校"), "屋内運動場空調設備 ", (AMT, "9,400万円"), "\n",
        "（4）", (PREV, "詐欺被害防止"), "のための自動通話録音機の貸与 ", (AMT, "320万円"), "\n",
        "3　財源\n　国庫支出金 ", (AMT, "5億9,100万円"), "、財政調整基金繰入金 ", (AMT, "2億8,115万円"), "\n",
        "4　日程\n　議会提出　", (DATE, "11月26日"), "　議決予定　", (DATE, "12月18日"), "\n\n",
        "※ 給付金の支給事務は", (CO, "株式会社松本ビジネスサポート"), "に委託予定（債務負担行為の設定なし）。\n",
        (ORG, "財政局財政課"), " 予算第一係",
    ],
    # 033 English e-mail: printer migration correction
    [
        "Subject: Correction - printer queue migration on 12 March\n\n",
        "To all staff of the ", (ORG, "Planning and Coordination Bureau"), ",\n\n",
        (INSTR, "Please ignore my previous e-mail"), " about the printer migration; it listed the wrong floor. The correct schedule is below.\n\n",
        "- 11th floor (", (ORG, "Budget Division"), ", ", (ORG, "Secretariat"), "): ", (DATE, "Tuesday 12 March"), ", ", (TIME, "12:00-13:00"), "\n",
        "- 12th floor (", (ORG, "Legal Affairs Division"), "): ", (DATE, "Wednesday 13 March"), ", ", (TIME, "12:00-13:00"), "\n\n",
        "After the migration, follow the steps below:\n1. Open Settings > Printers.\n2. Remove the old queue \"PRN-11F-02\".\n",
        "3. Add \"", (MODEL, "PRN-11F-07"), "\" from the print server (asset tag ", (IPL, "11.07.256.300"),
        ", which is not a network address).\n\n",
        "If your print jobs are still stuck in the afternoon, call the ", (EN, "IT Help Desk"), " on extension ", (PHL, "5-4410"),
        " and quote ticket ", (REF, "HD-2403-0157"), ".\n\nThank you for your patience.\n",
        (TITLE, "Facilities Coordinator"), ", ", (ORG, "General Affairs Division"),
    ],
    # 034 English news release: joint cyber exercise
    [
        "NEWS RELEASE - ", (DATE, "21 January 2025"), "\n\nPrefecture and Utilities Hold Joint Cyber Exercise\n\n",
        "The ", (ORG, "Higashiyama Prefectural Government"), " held a joint exercise on ", (PREV, "preparedness for cyberattacks"),
        " with 14 water, power and transport operators at the ", (FAC, "Prefectural Emergency Operations Center"), " on ",
        (DATE, "20 January"), ".\n\n",
        "The scenario, based on ransomware incidents reported nationwide, assumed that a billing system at a fictional water utility had been encrypted. ",
        "Participants practised isolating affected networks, switching to manual operation and issuing public notices.\n\n",
        "The exercise followed the Basic Act on Cybersecurity (", (LAW, "Act No. 104 of 2014"), ") and ", (SEC, "section 4.2.3"),
        " of the prefecture's business continuity plan. Scenario details were ", (SECW, "kept secret from the players"),
        " until the start, to test real decision-making.\n\n",
        "Key findings\n- ", (PCT, "86%"), " of operators restored manual operation within the target time.\n",
        "- Emergency contact lists at several operators were out of date.\n\n",
        "The ", (TITLE, "Director-General"), " of the ", (ORG, "Crisis Management Bureau"),
        " said the results would be reflected in the next revision of the plan.\n\n",
        "Contact: ", (ORG, "Cybersecurity Policy Office"), ", Ref. ", (REF, "HGS-CM-2025-004"),
    ],
    # 035 統計表: 消費生活相談件数
    [
        (TBL, "表2"), "　消費生活相談の受付件数（年度別・主な相談内容別）\n\n",
        "相談内容｜令和3年度｜令和4年度｜令和5年度\n",
        "架空請求・", (PREV, "フィッシング"), "｜412｜538｜601\n",
        "定期購入（通信販売）｜356｜401｜389\n",
        (PREV, "還付金詐欺"), "等｜88｜102｜131\n",
        "訪問販売・点検商法｜147｜139｜152\n",
        "投資・副業（もうけ話）｜96｜124｜177\n",
        "合計｜1,099｜1,304｜1,450\n\n",
        "注1　", (FAC, "市消費生活センター"), "（", (FAC, "市民プラザ2階"), "）で受け付けた件数。\n",
        "注2　令和5年度の「投資・副業」は前年度比 ", (PCT, "42.7%"), "増。SNS広告をきっかけとするものが約", (PCT, "6割"), "を占める。\n",
        "注3　相談者の年代別内訳は", (TBL, "表3"), "、契約当事者の属性は", (TBL, "表4"), "を参照。\n\n",
        "資料：", (ORG, "市民生活部消費生活課"), "「消費生活相談年報」（", (DATE, "令和6年7月"), "公表）",
    ],
    # 036 相談窓口の案内: 消費生活センター
    [
        "消費生活センター 相談窓口のご案内\n\n",
        "　商品やサービスの契約トラブル、", (PREV, "フィッシング詐欺"), "、悪質商法などでお困りの方は、お気軽にご相談ください。相談は無料で、",
        (SECW, "秘密は厳守"), "します。\n\n",
        "■ 相談日時\n　月曜～金曜 ", (TIME, "9:00～16:00"), "（祝日・年末年始を除く）\n",
        "　土曜日は", (FAC, "駅前サテライト窓口"), "で", (TIME, "10:00～15:00"), "\n",
        "■ 電話\n　消費者ホットライン「", (HOT, "188"), "」（いやや！）で最寄りの窓口につながります。\n",
        "■ 来所\n　", (FAC, "みどり市消費生活センター"), "（", (FAC, "みどり市役所 東館1階"), "）\n\n",
        "■ ", (PREV, "フィッシング詐欺への注意喚起"), "\n　宅配業者や銀行、", (ORG, "国税庁"),
        "をかたるSMSが急増しています。「お荷物をお届けに上がりましたが不在のため持ち帰りました」などのメッセージ内のURLは開かないでください。\n",
        "　不審なSMSを受け取った場合は、", (INSTR, "以下の手順に従ってください"), "。\n",
        "　1. リンクを開かない、返信しない\n　2. 公式アプリや正規の連絡先で事実を確認する\n",
        "　3. 情報を入力してしまった場合は、すぐにカード会社・金融機関に連絡する\n\n",
        (ORG, "市民生活部消費生活課"), "（", (REF, "消第88-3号"), "）",
    ],
    # 037 お知らせ: 電子申請システムの計画停止
    [
        "【お知らせ】電子申請システムの計画停止について\n\n",
        "停止日時：", (DATE, "2025年2月8日（土）"), (TIME, "20:00〜翌6:00"), "\n",
        "対象：", (PROD, "あおば電子申請サービス"), "（", (URL, "https://shinsei.city.aoba.example.lg.jp/"), "）\n",
        "理由：基盤ソフトウェアの更新（", (VER, "v5.2.3"), " → ", (VER, "v5.3.0"), "）\n\n",
        "　停止中はすべての申請・照会ができません。停止時間帯に期限を迎える手続（例：", (DATE, "2月9日締切"), "の", (ORG, "保育課"),
        "「一時預かり利用申込み」）は、締切を", (DATE, "2月10日（月）"), "17時まで延長します。\n\n",
        "　障害発生時のお問合せでは、画面に表示される障害ID（例：", (UUID, "54dd0ba5-6264-47ba-84a1-0547b401ba85"), "）をお伝えください。\n\n",
        "　ご不便をおかけしますが、ご理解とご協力をお願いします。\n\n",
        (ORG, "青葉市 デジタル推進課"), "\n", (EN, "Digital Service Desk"), "（平日", (TIME, "8:30〜17:15"), "）",
    ],
    # 038 運用手順: 認証ログの日次確認
    [
        "運用手順 LOG-03　認証ログの日次確認\n\n目的：不正ログインの兆候を早期に発見する。\n\n",
        "1. 集計対象\n   認証サーバ（資産番号 ", (IPL, "300.12.1.45"), "）の前日分 auth.log\n",
        "2. 確認観点\n   - 同一アカウントで ", (TIME, "0:00〜5:00"), " の深夜帯にログイン成功がないか\n",
        "   - 失敗回数が1時間に20回を超えるアカウントがないか（", (PREV, "ブルートフォース攻撃"), "の兆候）\n",
        "   - 海外からのアクセスがないか（", (ORG, "国際課"), "の出張予定と突合する）\n",
        "3. 記録\n   結果は運用日誌に記録し、ログファイルのハッシュ値を併記する。\n   例）",
        (HASH, "78731e63f54f73b10d8bff76fc835065df440752a939ee266faf0cfd99fe16cd"), "\n",
        "4. エスカレーション\n   兆候を認めた場合は", (TITLE, "セキュリティ担当主査"), "に報告し、", (EN, "CSIRT"),
        "の判断を仰ぐ。アカウントの一時停止は", (TITLE, "課長"), "の承認を要する。\n",
        "5. 注意\n   ログには利用者IDが含まれるため、運用日誌には件数のみを記載し、個別のIDは転記しないこと。ログの閲覧は",
        (SECW, "守秘義務"), "の範囲内で行う。\n\n",
        "改訂履歴：", (VER, "1.0"), "（", (DATE, "2023-04-01"), "）、", (VER, "1.1"), "（", (DATE, "2024-06-17"), "）",
    ],
    # 039 調達仕様書: 庁舎清掃業務
    [
        (FAC, "第二合同庁舎"), "清掃業務 仕様書（一部）\n\n",
        (SEC, "1.1"), "　業務場所\n　", (FAC, "第二合同庁舎"), "（地上12階、地下2階、延床面積 約28,400㎡）\n",
        (SEC, "1.2"), "　履行期間\n　", (DATE, "令和7年4月1日"), "から", (DATE, "令和10年3月31日"), "まで\n",
        (SEC, "2.1"), "　日常清掃\n　執務室、廊下、便所等を毎日（閉庁日を除く）", (TIME, "7:00～9:00"), "に行う。\n",
        (SEC, "2.2"), "　定期清掃\n　床面の洗浄及びワックス塗布を年4回行う。\n",
        (SEC, "2.3"), "　特記事項\n（1）", (FAC, "9階 秘書室"), "及び", (FAC, "サーバ室"), "は、職員の立会いのもとで清掃する。\n",
        "（2）机上の書類には手を触れないこと。\n",
        "（3）作業員は、業務上知り得た情報について", (SECW, "守秘義務"), "を負う。\n",
        (SEC, "2.4"), "　資格要件\n　建築物における衛生的環境の確保に関する法律（", (LAW, "昭和45年法律第20号"), "）に基づく登録業者であること。\n",
        (SEC, "3.1"), "　予定価格\n　総額 ", (AMT, "1億5,840万円"), "（消費税込、3か年）\n",
        (SEC, "3.2"), "　契約番号\n　", (NUM12, "901092815901"), "（財務会計システムの契約管理番号）\n\n",
        "発注者：", (ORG, "東山財務事務所 管財課"),
    ],
    # 040 規程: 職員表彰規程（創立記念日）
    [
        (ORG, "青葉市社会福祉協議会"), "職員表彰規程\n\n",
        "（目的）\n", (ART, "第1条"), "　この規程は、職員の表彰に関し必要な事項を定める。\n",
        "（表彰の時期）\n", (ART, "第3条"), "　表彰は、毎年", (DATE, "10月1日"), "の創立記念日に行う。\n",
        "（表彰の種類）\n", (ART, "第4条"), "　表彰は、次の各号に掲げるとおりとする。\n",
        "（1）永年勤続表彰　勤続20年及び30年に達した者\n（2）業務改善表彰　業務の改善に顕著な功績があった者\n",
        "2　前項第2号の表彰を受ける者は、", (ORG, "表彰審査委員会"), "の審査を経て", (TITLE, "会長"), "が決定する。\n",
        "（副賞）\n", (ART, "第5条"), "　副賞は、", (AMT, "3万円"), "以内の記念品とする。\n",
        "（", (SECW, "秘密の保持"), "）\n", (ART, "第7条"), "　", (ORG, "表彰審査委員会"), "の委員は、審査の過程で知り得た事項を漏らしてはならない。\n\n",
        "附則\n1　この規程は、", (DATE, "平成元年4月1日"), "から施行する。\n",
        "2　本会の設立日は", (DATE, "昭和31年10月1日"), "とし、同日を創立記念日とする。\n",
        "附則（", (DATE, "令和5年3月17日"), "改正）\nこの規程は、", (DATE, "令和5年4月1日"), "から施行する。",
    ],
    # 041 広報文: 市制施行70周年記念式典
    [
        "市制施行70周年記念式典を開催します\n\n",
        "　", (PLACE, "東浦市"), "は", (DATE, "昭和30年4月1日"), "に旧", (PLACE, "東浦町"), "と", (PLACE, "西川村"),
        "が合併して誕生し、", (DATE, "令和7年4月1日"), "で市制施行70周年を迎えます。これを記念し、式典と記念行事を開催します。\n\n",
        "■ 記念式典\n　日時：", (DATE, "令和7年4月6日（日）"), " ", (TIME, "10:00～11:30"), "\n",
        "　会場：", (FAC, "東浦市民文化ホール「かなで」"), " 大ホール\n",
        "　内容：市政功労者表彰、記念映像上映、市立中学校吹奏楽部による演奏\n",
        "　※ 入場には整理券が必要です（先着800名）。整理券番号（例：", (REF, "A-0412"), "）は座席番号ではありません。\n\n",
        "■ 記念行事\n・", (FAC, "東浦城址公園"), "桜まつり（", (DATE, "4月5日"), "～", (DATE, "4月13日"), "）\n",
        "・記念誌『ひがしうら70年のあゆみ』の刊行（", (ISBN, "978-4-33-879217-2"), "、", (AMT, "1,100円"), "）\n\n",
        "　式典の様子は", (EN, "YouTube"), "で同時配信します。\n\n",
        "問合せ：", (ORG, "市長公室 秘書広報課"), " 70周年記念事業担当",
    ],
    # 042 研修資料: 新任係長研修
    [
        "新任", (TITLE, "係長"), "研修 テキスト（抜粋）\n第2章　係長の役割\n\n",
        "2.1　組織における位置づけ\n　", (TITLE, "係長"), "は、", (TITLE, "課長"), "・", (TITLE, "課長補佐"), "の指示を受けて係の業務を統括し、",
        (TITLE, "主任"), "・", (TITLE, "主事"), "等の", (TITLE, "担当者"), "を指導する立場にあります。\n\n",
        "2.2　報告・連絡・相談\n　上司から受けた指示は、期限・品質・優先順位を確認してから係内に展開します。「",
        (INSTR, "前回の指示に従い"), "処理しました」と報告する場合は、どの指示（日付・文書番号）かを明確にしましょう。\n\n",
        "2.3　文書事務\n　起案文書には文書番号（例：", (REF, "総務第45-2号"), "、", (REF, "デジ第123号"),
        "）を付し、決裁区分は事務決裁規程", (ART, "第6条第2項"), "の別表により判断します。\n\n",
        "2.4　演習（", (TIME, "13:30～15:00"), "）\n　ケース：年度末に", (ORG, "企画課"), "から「",
        (INSTR, "旧版の様式は無視し"), "、新様式で再提出してください」との依頼が届いた。係としてどう対応するか。\n\n",
        "2.5　メンタルヘルス\n　部下の不調に気づいたら、", (ORG, "職員厚生課"), "の", (EN, "Employee Assistance Program"),
        "や産業医面談につなぎましょう。\n\n（", (ORG, "県自治研修所"), " ", (DATE, "令和6年度"), "版）",
    ],
    # 043 業務マニュアル: 公用車管理
    [
        "公用車管理マニュアル\n", (ORG, "総務課管財係"), "（", (DATE, "令和6年4月"), "改訂）\n\n",
        "1　予約\n　公用車の予約は、施設予約システム「", (PROD, "のりあい"), "」で行う。車両管理番号（例：", (REF, "K-07"), "、",
        (REF, "EV-12"), "）を選択し、使用目的と行先（", (PLACE, "県庁"), "、", (FAC, "北部土木事務所"), "等の機関名）を入力する。\n",
        "2　鍵の受渡し\n　鍵は", (FAC, "本庁舎1階 守衛室"), "で", (TIME, "8:15～17:30"), "に貸し出す。\n",
        "3　運転前点検\n　アルコールチェックは、道路交通法施行規則（", (LAW, "昭和35年総理府令第60号"), "）", (ART, "第9条の10"),
        "に基づき運転前後に検知器で行い、結果を記録簿（", (TBL, "様式第3号"), "）に記入する。\n",
        "4　給油\n　給油カード（カード管理番号 ", (NUM13, "4125242731672"), "）は車検証入れに保管し、", (CO, "株式会社森石油"),
        "の指定スタンドでのみ使用する。\n",
        "5　事故発生時\n　負傷者の救護と警察への通報を最優先し、", (ORG, "管財係"), "へ連絡する。保険会社（", (CO, "あおば損害保険株式会社"),
        "）には証券番号 ", (NUM12, "617603137215"), " を伝えること。\n",
        "6　タイヤ交換\n　スタッドレスタイヤ（品番 ", (ZIPL, "205-6016"), "）への交換は", (DATE, "11月下旬"), "に一斉に行う。",
    ],
    # 044 English manual: facility booking kiosk
    [
        "Facility Booking Kiosk - Operator Manual (", (VER, "rev. 2.3"), ")\n\n",
        "1 Overview\nThe kiosk lets residents book rooms at the ", (FAC, "Minami Civic Center"), " and the ", (FAC, "Suzuki Hall"),
        " annex. It was supplied by ", (CO, "Sato Engineering Co., Ltd."), " and is maintained by ", (CO, "Kimura Systems K.K."), " under a five-year contract.\n\n",
        "2 Daily start-up\n2.1 Power on between ", (TIME, "08:30 and 08:45"), ".\n",
        "2.2 Confirm that the screen shows build ", (VER, "4.12.0.2208"), ".\n",
        "2.3 If the screen shows \"Configuration missing\", check that ", (PKEY, "${KIOSK_API_TOKEN}"),
        " is set in /etc/kiosk/env. The value is provided by the vendor; do not write it in this manual.\n\n",
        "3 Payments\nThe kiosk accepts IC transit cards only. In training mode it displays the dummy number ",
        (CARD, "4980 1234 5678 9012"), ", which is not a valid card number and cannot be charged.\n\n",
        "4 Troubleshooting\n4.1 Receipt jams: open the front panel with key No. ", (REF, "K-2231"), ".\n",
        "4.2 For all other faults, call the vendor's ", (EN, "Help Desk"), " and quote the kiosk ID ",
        (UUID, "83239ef5-4ba2-4161-9fb9-af5084768b8c"), ".\n\n",
        (ORG, "Community Facilities Section"), ", ", (PLACE, "Minami Ward"),
    ],
    # 045 運用手順: サーバ証明書の更新
    [
        "運用手順 CERT-02　サーバ証明書の更新\n\n対象：", (PROD, "住民向けポータル「あおばナビ」"), "\n",
        "有効期限：", (DATE, "2025年3月31日"), "（期限の30日前までに更新すること）\n\n",
        "1. CSRの作成\n   ", (SECW, "秘密鍵"), "はHSM内で生成し、ファイルとして取り出さない。\n",
        "2. 申請\n   ", (ORG, "情報政策課"), "から認証局（", (CO, "株式会社中島セキュアトラスト"), "）へ申請する。申請番号の例：",
        (REF, "CA-2025-0211-07"), "\n",
        "3. 証明書の検証\n   発行された証明書のフィンガープリント（SHA-256）を、認証局から別経路で通知された値と照合する。\n   例）",
        (HASH, "3F:56:62:44:47:DE:61:96:92:DA:7A:5A:3A:22:0C:2A:E9:48:F9:6B:F0:42:EC:2B:72:2B:63:30:E4:65:A2:D4"), "\n",
        "4. 設定の反映\n   設定ファイルには鍵のパスフレーズを直接書かず、", (PKEY, "${TLS_KEY_PASSPHRASE}"), " を参照する。\n",
        "5. 動作確認\n   ブラウザで ", (URL, "https://navi.city.aoba.example.lg.jp/"), " にアクセスし、有効期限が ",
        (DATE, "2026年4月30日"), " と表示されることを確認する。\n\n",
        "承認：", (TITLE, "情報政策課長"), "　実施：", (ORG, "基盤運用係"), "担当者",
    ],
    # 046 議事概要: 個人情報保護審議会
    [
        "第41回 ", (PLACE, "青葉市"), "個人情報保護審議会 会議録（要旨）\n\n",
        "日時　", (DATE, "令和6年2月9日（金）"), " ", (TIME, "10:00～11:30"), "\n場所　", (FAC, "青葉市役所本庁舎 10階 第2会議室"), "\n",
        "出席　", (TITLE, "会長"), "ほか委員6名、実施機関（", (ORG, "こども未来局"), "、", (ORG, "健康福祉局"), "）、事務局（",
        (ORG, "総務局行政課"), "）\n\n",
        "諮問第12号　児童手当事務における", (FIELD, "個人番号"), "の利用について\n",
        "　実施機関から、番号法（", (LAW, "平成25年法律第27号"), "）に基づく情報連携により所得情報を照会し、申請時の課税証明書の添付を省略したい旨の説明があった。\n",
        "　委員から、", (FIELD, "要配慮個人情報"), "が含まれるか、また特定個人情報保護評価（", (REF, "評価書番号 第58号"),
        "）の見直し時期について質問があった。\n",
        "　実施機関から、要配慮個人情報は含まれないこと、評価書は", (DATE, "令和6年3月末"), "までに再実施することの回答があった。\n",
        "　審議の結果、原案どおり承認することとした。\n\n",
        "報告事項　個人情報の漏えい等事案（", (DATE, "令和5年度第3四半期"), "）\n",
        "　事務局から、誤送付2件について報告があった。いずれも説明と回収を完了しており、", (ORG, "個人情報保護委員会"),
        "への報告対象外であることが確認された。\n\n（会議は公開。傍聴者1名）",
    ],
    # 047 会計実地検査 提出資料一覧
    [
        "会計実地検査 提出資料一覧\n", (ORG, "会計課"), "　", (DATE, "令和6年9月"), "\n\n",
        "　", (ORG, "会計検査院第3局"), "による実地検査（", (DATE, "令和6年10月22日"), "～", (DATE, "10月24日"), "）に向け、下記資料を",
        (DATE, "10月4日（金）"), "までに", (FAC, "本館5階 会計課書庫"), "へ提出してください。\n\n",
        "番号｜資料名｜担当｜文書番号\n",
        "1｜補助事業の実績報告書｜", (ORG, "産業振興課"), "｜", (REF, "産振第1024号"), "\n",
        "2｜委託契約書（システム保守）｜", (ORG, "情報政策課"), "｜", (REF, "情政第77-3号"), "\n",
        "3｜工事請負契約書（", (FAC, "市営みなと団地"), "外壁改修、受注者 ", (CO, "有限会社佐藤工務店"), "）｜", (ORG, "住宅課"), "｜",
        (REF, "住第2024-0456号"), "\n",
        "4｜物品購入伺（", (AMT, "100万円"), "以上）｜", (ORG, "管財係"), "｜", (REF, "会計第2024-318号"), "\n\n",
        "注意事項\n・原本を提出し、写しは各課で保管すること。\n",
        "・個人情報が含まれる資料は、提出簿（", (TBL, "様式C-2"), "）に該当箇所を記載すること（検査官には", (SECW, "守秘義務"), "がある）。\n",
        "・照会は", (TITLE, "会計課長補佐"), "まで。",
    ],
    # 048 入札公告
    [
        "一般競争入札公告\n\n　次のとおり一般競争入札に付します。\n", (DATE, "令和6年12月10日"), "\n",
        (TITLE, "支出負担行為担当官 東山財務局総務部長"), "\n\n",
        "1　調達内容\n（1）調達件名　", (FAC, "東山合同庁舎"), "電話交換設備更新業務\n",
        "（2）調達案件番号　", (NUM13, "3401878017598"), "\n（3）仕様等　入札説明書による。\n（4）履行期限　", (DATE, "令和7年3月24日"), "\n",
        "2　競争参加資格\n（1）予算決算及び会計令（", (LAW, "昭和22年勅令第165号"), "）", (ART, "第70条"), "及び", (ART, "第71条"),
        "の規定に該当しない者であること。\n",
        "（2）令和04・05・06年度全省庁統一資格の「役務の提供等」において「A」又は「B」の等級に格付けされた者であること。\n",
        "3　入札書の提出期限　", (DATE, "令和7年1月17日"), " 17時00分\n",
        "4　開札の日時及び場所　", (DATE, "令和7年1月21日"), " 10時30分　", (FAC, "東山合同庁舎 3階入札室"), "\n",
        "5　電子調達システム\n　本件は", (PROD, "政府電子調達システム（GEPS）"), "により入札できる。\n",
        "6　その他\n　入札説明書は", (URL, "https://www.p-portal.example.go.jp/"), "からダウンロードできる。契約保証金は免除する。落札者は",
        (SECW, "秘密保持に関する誓約書"), "を提出すること。",
    ],
    # 049 統計表: 区別人口・世帯数
    [
        (TBL, "第1表"), "　区別 人口・世帯数（", (DATE, "令和6年10月1日現在"), "）\n\n",
        "区名｜世帯数｜人口総数｜男｜女｜前月比\n",
        (PLACE, "中央区"), "｜62,418｜118,205｜56,930｜61,275｜", (PCT, "+0.12%"), "\n",
        (PLACE, "北区"), "｜48,077｜102,336｜50,118｜52,218｜", (PCT, "-0.05%"), "\n",
        (PLACE, "南区"), "｜55,902｜127,480｜62,001｜65,479｜", (PCT, "+0.03%"), "\n",
        (PLACE, "緑区"), "｜39,615｜96,774｜47,360｜49,414｜", (PCT, "+0.21%"), "\n",
        "全市｜206,012｜444,795｜216,409｜228,386｜", (PCT, "+0.08%"), "\n\n",
        "注1　住民基本台帳に基づく人口（外国人住民を含む）。\n",
        "注2　", (DATE, "令和2年"), "国勢調査の確定値を基礎とした推計人口は", (TBL, "第2表"), "を参照。\n",
        "注3　前月比は小数第3位を四捨五入。\n",
        "注4　", (PLACE, "緑区"), "の増加は、", (FAC, "みどりが丘ニュータウン"), "第3期分譲（", (DATE, "令和6年9月"), "入居開始）によるもの。\n\n",
        (ORG, "政策企画局統計調査課"), "　公表日 ", (DATE, "令和6年10月15日"),
    ],
    # 050 リリースノート: 電子申請サービス
    [
        (PROD, "あおば電子申請サービス"), " 更新情報 ", (VER, "v5.3.0"), "（", (DATE, "2025年2月9日"), "公開）\n\n",
        "【新機能】\n・郵便番号を入力すると、住所欄の都道府県・市区町村が自動入力されるようになりました（入力内容はサーバに保存されません）。\n",
        "・", (PROD, "マイナポータル"), "連携による本人確認（公的個人認証）に対応しました。\n",
        "【改善】\n・添付ファイルの上限を10MBから20MBに拡大しました。\n",
        "・申請番号（例：", (REF, "SN-2025-0000871"), "）とは別に、問合せ用の受付キー（例：",
        (UUID, "fc2e6a59-1ce3-4c0c-9075-5c97f5f554ed"), "）を表示するようにしました。\n",
        "【不具合修正】\n・", (DATE, "2月29日"), "を含む期間を指定すると日数が誤って計算される不具合を修正しました。\n",
        "【職員向け注意】\n・管理画面の手順書を", (VER, "第7版"), "に改訂しました。", (INSTR, "第6版の記載は無視し"), "、",
        (SEC, "4.3.2"), "「差戻し処理」は新しい手順に従ってください。\n",
        "・本バージョンのビルド識別子：", (COMMIT, "b394ff936697919b1b07e895dab1b8cfe5d3a836"), "\n\n",
        (ORG, "デジタル推進課"), " 電子申請担当",
    ],
    # 051 広報文: 闇バイトへの注意喚起
    [
        "「", (PREV, "闇バイト"), "」に注意！\n― SNSの高額求人は犯罪への入口です ―\n\n",
        "　SNSやインターネット掲示板で「即日現金」「ホワイト案件」「荷物を受け取るだけ」などとうたう求人に応募し、", (PREV, "特殊詐欺"),
        "の受け子や強盗の実行役にされる事件が相次いでいます。\n\n",
        "■ 一度応募すると抜け出せなくなります\n・応募時に送らされた身分証の画像を使って脅される\n",
        "・「指示に従わなければ家族に危害を加える」と脅迫される\n\n",
        "■ こんな求人には応募しない\n・仕事内容が具体的に書かれていない\n・連絡手段に", (SECW, "秘匿性"), "の高い通信アプリを指定される\n\n",
        "■ もし応募してしまったら\n　すぐに連絡を断ち、警察に相談してください。警察は相談者の安全確保を最優先に対応します。\n",
        "　・警察相談専用電話 ", (HOT, "#9110"), "\n　・", (ORG, "青葉警察署生活安全課"), "（平日", (TIME, "8:30～17:15"), "）\n\n",
        "　保護者の方へ：お子さんのアルバイト探しについて、家庭で話し合ってみてください。\n\n",
        (ORG, "青葉市 市民安全課"), "・", (ORG, "青葉地区防犯協会"), "（", (DATE, "令和6年11月"), "発行）",
    ],
    # 052 実施要領: テロ対策訓練
    [
        (PREV, "テロ対策訓練"), " 実施要領\n\n",
        "1　目的\n　大規模イベント開催時に不審物が発見された場合の初動対応、避難誘導及び関係機関との連携を確認する。\n",
        "2　日時・場所\n　", (DATE, "令和7年1月24日（金）"), " ", (TIME, "9:30～11:30"), "\n　", (FAC, "青葉スタジアム"), " 南ゲート周辺\n",
        "3　参加機関\n　", (ORG, "青葉警察署"), "、", (ORG, "青葉消防本部"), "、", (ORG, "市危機管理課"), "、", (CO, "株式会社斉藤警備保障"),
        "、スタジアム指定管理者\n",
        "4　想定\n　試合開催中、", (FAC, "南ゲート手荷物預かり所"), "付近で持ち主不明のバッグが発見される。\n",
        "5　訓練のポイント\n（1）不審物には触れない、動かさない、開けない。\n",
        "（2）発見者は周囲の人を遠ざけ、", (TITLE, "警備責任者"), "に報告する。\n",
        "（3）", (TITLE, "現場指揮者"), "は半径100m以内の来場者を", (FAC, "北側コンコース"), "へ誘導する。\n",
        "（4）", (ORG, "爆発物処理班"), "の到着までの間、警戒区域を維持する。\n",
        "6　その他\n　訓練シナリオの詳細は、実効性を高めるため", (SECW, "極秘裏に"), "作成し、参加者には当日まで開示しない（ブラインド型訓練）。\n",
        "　報道機関の取材は", (TIME, "10:30～11:00"), "に限り受け付ける。\n\n",
        (ORG, "青葉市危機管理課"), "（", (REF, "危管第15号"), "）",
    ],
    # 053 English guide: handling research data
    [
        "Handling Research Data - Guide for Contractors (", (VER, "version 2.1"), ", ", (DATE, "April 2024"), ")\n\n",
        "1. Before you start\nAll contractors sign a ", (SECW, "confidentiality agreement"), " with the ", (ORG, "Statistics Bureau"),
        " before receiving any files.\n\n",
        "2. Receiving files\nFiles are delivered through the secure transfer service. Each package has a manifest with a SHA-256 value, for example:\n",
        "  survey_2023_agg.csv  ", (HASH, "81283bf55b0bd52f0136ac024d260f86dc1fc4a5d925b9997e933787104981d6"), "\n",
        "Compare this value before opening the file.\n\n",
        "3. What the files contain\nOnly aggregated tables (", (TBL, "Tables 3.1 to 3.7"),
        ") are provided. Cells with fewer than 10 respondents are suppressed and shown as \"x\".\n\n",
        "4. Changes in this version\n", (INSTR, "Disregard the earlier draft"),
        " (version 2.0), which allowed files to be stored on USB drives; this is no longer permitted. Section ", (SEC, "4.2.1"),
        " now requires encrypted laptops.\n\n",
        "5. Questions\nContact the ", (EN, "Data Stewardship Team"), ", ", (ORG, "Survey Methods Division"), ", ",
        (FAC, "Room 1204, Central Government Building No. 2"), ". Office hours are ", (TIME, "9:30-12:00"), " and ", (TIME, "13:00-17:30"), ".",
    ],
    # 054 規程: 公印規程
    [
        (PLACE, "北浜町"), "公印規程\n\n",
        "（公印の種類）\n", (ART, "第2条"), "　公印の名称、寸法及び保管者は、", (TBL, "別表第1"), "のとおりとする。\n",
        "（公印の管理）\n", (ART, "第4条"), "　公印は、", (TITLE, "総務課長"), "が管理する。ただし、", (TITLE, "会計管理者"),
        "印は", (ORG, "会計課"), "で管理する。\n",
        "2　前項の公印は、勤務時間外は", (FAC, "本庁舎2階 総務課金庫"), "に保管しなければならない。\n",
        "（公印の使用）\n", (ART, "第6条"), "　公印を使用しようとする者は、決裁済みの文書を公印管理者に提示しなければならない。\n",
        "2　", (ART, "第4条第2項"), "の規定にかかわらず、緊急を要する場合は", (TITLE, "副町長"), "の承認を得て使用することができる。\n",
        "（電子署名）\n", (ART, "第8条の2"), "　電子文書には、公印に代えて、電子署名及び認証業務に関する法律（", (LAW, "平成12年法律第102号"),
        "）に基づく電子署名を行うことができる。この場合において、", (SECW, "秘密鍵"), "の漏えいを防止する措置を講じなければならない。\n",
        "（公印の新調等）\n", (ART, "第10条"), "　公印を新調し、改刻し、又は廃止したときは、町長がその旨を告示する。\n\n",
        "附則　この規程は、", (DATE, "昭和48年4月1日"), "から施行する。\n",
        "附則（", (DATE, "令和6年3月25日"), (REF, "訓令第4号"), "）この規程は、公布の日から施行する。",
    ],
    # 055 業務マニュアル: 電話応対
    [
        "電話応対マニュアル（", (ORG, "市民総合窓口センター"), "）\n\n",
        "1　受け方\n　「はい、", (ORG, "青葉市役所 市民総合窓口センター"), "です。」と名乗ります。必要に応じて「担当の者」と伝えます。\n",
        "2　取次ぎ\n　内線番号は", (TBL, "別表"), "のとおりです（例：", (ORG, "市民課"), " ", (PHL, "3101"), "、", (ORG, "保険年金課"), " ",
        (PHL, "3215"), "）。\n",
        "3　問合せの記録\n　受付システムで受付番号（", (PHL, "03-2024-0001"),
        "形式。先頭2桁は窓口区分、次の4桁は年、末尾4桁は通番）を採番し、相手方に伝えます。電話番号ではないため、読み上げ方に注意してください。\n",
        "4　本人確認\n　電話では、", (FIELD, "住所"), "・", (FIELD, "生年月日"), "等を確認した場合でも、証明書の内容や", (FIELD, "税額"),
        "は回答しません。\n",
        "5　不審な電話\n　職員を名乗って他の職員の連絡先を聞き出そうとする電話（", (PREV, "ソーシャルエンジニアリング"), "）には応じず、",
        (TITLE, "センター長"), "に報告します。\n",
        "6　長時間の通話\n　通話開始から30分を目安に", (TITLE, "係長"), "に交代します。\n\n",
        "（", (DATE, "令和6年4月1日"), "施行、", (VER, "第4版"), "）",
    ],
    # 056 事業計画: 健康増進計画・自殺対策計画
    [
        "第3次 ", (PLACE, "東浦市"), "健康増進計画・", (PREV, "自殺対策計画"), "（概要版）\n\n",
        "計画期間：", (DATE, "令和6年度"), "～", (DATE, "令和11年度"), "\n\n",
        "1　基本目標\n　「誰も自殺に追い込まれることのない、健やかなまち東浦」\n\n",
        "2　数値目標\n指標｜現状値｜目標値\n自殺死亡率（人口10万対）｜16.8｜13.0以下\n",
        "特定健診受診率｜", (PCT, "41.2%"), "｜", (PCT, "60.0%"), "\n",
        "喫煙率（成人）｜", (PCT, "15.4%"), "｜", (PCT, "12.0%"), "\n",
        "ゲートキーパー養成数（累計）｜1,240人｜3,000人\n\n",
        "3　重点施策\n（1）", (PREV, "自殺対策"), "の推進：相談窓口の周知、", (ORG, "ハローワーク東浦"),
        "と連携した生活・就労相談会（毎月第2水曜 ", (TIME, "13:00～16:00"), "）\n",
        "（2）", (PREV, "薬物乱用防止"), "・アルコール関連問題への対応\n",
        "（3）高齢者の社会参加の促進（通いの場 120か所）\n\n",
        "4　推進体制\n　", (ORG, "健康推進課"), "を事務局とし、", (ORG, "東浦市自殺対策推進協議会"), "で毎年度進捗を評価する。\n\n",
        "根拠法令：健康増進法（", (LAW, "平成14年法律第103号"), "）", (ART, "第8条第2項"), "、自殺対策基本法", (ART, "第13条第2項"),
    ],
    # 057 予算資料: 債務負担行為
    [
        "令和7年度予算 債務負担行為に関する調書\n\n", (TBL, "表5"), "　債務負担行為の限度額及び期間\n\n",
        "事項｜期間｜限度額\n",
        (PROD, "基幹業務システム「あすか」"), "標準化移行業務｜令和7年度～令和9年度｜", (AMT, "4億8,600万円"), "\n",
        (FAC, "市民文化会館"), "指定管理料｜令和8年度～令和12年度｜", (AMT, "12億5,000万円"), "\n",
        (FAC, "第二合同庁舎"), "清掃業務委託｜令和7年度～令和9年度｜", (AMT, "1億5,840万円"), "\n",
        "公用車リース（EV 12台）｜令和7年度～令和11年度｜", (AMT, "7,920万円"), "\n\n",
        "説明\n・", (PROD, "あすか"), "の標準化移行は、地方公共団体情報システムの標準化に関する法律（", (LAW, "令和3年法律第40号"),
        "）に基づき、", (DATE, "令和7年度末"), "までの移行を目指すもの。\n",
        "・指定管理料は、", (CO, "株式会社木村ビルサービス"), "を代表とする共同事業体を候補者として選定済み（", (DATE, "令和6年11月20日"),
        "選定委員会）。\n",
        "・事業番号は ", (NUM12, "777412154728"), " ほか（財務会計システム上の番号）。\n",
        "・各金額は消費税及び地方消費税を含む。年割額は", (TBL, "参考資料2"), "を参照。\n\n",
        (ORG, "財政局財政課"),
    ],
    # 058 広報文: 図書館だより
    [
        "図書館だより ", (DATE, "2024年夏号"), "（", (REF, "第128号"), "）\n", (FAC, "青葉市立中央図書館"), "\n\n",
        "■ 夏休みおすすめ本\n",
        "・『星空の", (SECW, "神秘"), "』　宇宙のはじまりから星座の物語まで、写真たっぷりで紹介します。（", (ISBN, "978-4-67-877893-5"), "）\n",
        "・『ひみつの地下水路たんけん』　まちの下を流れる水の旅を追いかける絵本です。\n",
        "・『", (SECW, "秘書"), "ねこのいそがしい一日』　市役所ではたらくねこの", (SECW, "秘書"), "が大活躍！\n\n",
        "■ イベント\n・おはなし会　毎週土曜 ", (TIME, "11:00～11:30"), "　", (FAC, "2階 おはなしのへや"), "\n",
        "・夏休み自由研究相談会　", (DATE, "8月3日（土）"), "・", (DATE, "8月17日（土）"), " ", (TIME, "13:00～15:00"), "\n",
        "・", (FAC, "図書館ホール"), "映画会「", (PROD, "とびだせ！さくら号"), "」 ", (DATE, "8月24日（土）"), "\n\n",
        "■ 休館日のお知らせ\n　", (DATE, "8月29日（木）"), "～", (DATE, "9月2日（月）"),
        "は特別整理期間のため休館します。返却はブックポストをご利用ください。\n\n",
        "■ 資料番号ラベルの貼り替え\n　蔵書の資料番号（例：", (NUM13, "2651676122202"), "）は、ラベルを貼り替えても変わりません。",
    ],
    # 059 English release notes: Sakura Scheduler
    [
        (PROD, "Sakura Scheduler"), " ", (VER, "v2.10.1"), " (", (DATE, "2024-09-30"), ")\n\n",
        "This maintenance release of the ", (ORG, "Personnel Division"), "'s shift scheduling tool fixes two issues reported by the ",
        (FAC, "Kita Ward Office"), ".\n\n",
        "Fixes\n* Shifts spanning midnight (for example ", (TIME, "22:00-06:00"), ") were counted on the wrong day. (",
        (COMMIT, "cafb6cb1897898433f7163531ba3071e6a652d8e"), ")\n",
        "* The holiday calendar omitted the substitute holiday on ", (DATE, "12 August 2024"), ". (", (COMMIT, "68a325f"), ")\n\n",
        "Configuration\nThe example file config.sample.yaml ships with placeholders only:\n\n",
        "  storage:\n    access_key_id: ", (PKEY, "AKIAXXXXXXXXXXXXXXXX"), "\n    secret_access_key: ", (PKEY, "<YOUR_SECRET_ACCESS_KEY>"), "\n",
        "  notify:\n    webhook_token: ", (PKEY, "${NOTIFY_TOKEN}"), "\n\n",
        "These values are not valid credentials. Real values are injected at deploy time by the ", (EN, "Platform Team"), ".\n\n",
        "Upgrading\nRun the migration in ", (SEC, "section 3.2.1"), " of the Administrator Guide. The container image digest is\nsha256:",
        (HASH, "9577c5942254911fbb6e730ce2496b1d2a2ea75bad38880ca5d25b5176f3b3f1"), "\n\n",
        "Known issue: exporting more than 5,000 shifts to CSV takes ", (TIME, "2-3 minutes"), ".",
    ],
    # 060 通知文: 職員を狙ったフィッシングメールへの注意喚起
    [
        "【注意喚起】職員を狙った", (PREV, "フィッシングメール"), "について\n\n", (REF, "情政第77-9号"), "\n", (DATE, "令和6年11月12日"), "\n\n",
        (TITLE, "職員各位"), "\n\n", (TITLE, "最高情報セキュリティ責任者（CISO）"), "\n\n",
        "　", (DATE, "11月11日"), "以降、", (ORG, "人事課"), "や", (EN, "Microsoft 365"), "の運用窓口を装い、「パスワードの有効期限が切れます。",
        (INSTR, "以下のリンクからただちに再設定してください"), "」と誘導するメールが庁内で多数確認されています。\n",
        "　当課がメールでパスワードの入力を求めることはありません。\n\n",
        "　不審なメールを受信した場合は、", (INSTR, "以下の手順に従ってください"), "。\n",
        "1　リンクを開かず、添付ファイルも開かない。\n",
        "2　メールを削除せず、", (EN, "CSIRT"), "報告用ボタン「", (PROD, "みはり"), "」で報告する。\n",
        "3　誤ってIDとパスワードを入力した場合は、直ちに", (ORG, "情報政策課"), "（内線 ", (PHL, "2231"), "）に連絡し、端末をネットワークから切り離す。\n\n",
        "　なお、", (DATE, "11月8日"), "付けの注意喚起で示した送信元ドメインの一覧は不完全でした。", (INSTR, "前回の一覧は無視し"),
        "、最新の一覧（", (TBL, "別紙1"), "）を参照してください。",
    ],
]
# fmt: on

# --------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------
MIN_LEN, MAX_LEN = 300, 1200
MIN_DECOYS = 8

# Markings that must never appear (the set claims "no classification marking").
# fmt: off
BANNED_MARKINGS = [
    "部外秘", "社外秘", "関係者外秘", "厳秘", "秘密区分", "機密性２", "機密性2", "機密性３", "機密性3",
    "完全性２", "可用性２", "CONFIDENTIAL", "TOP SECRET", "Top Secret", "SECRET//", "//SECRET",
]
# fmt: on

DIGIT_GROUPS = re.compile(r"[0-9]+(?:[ \-][0-9]+)*")


def my_number_valid(digits: str) -> bool:
    """Check digit of the Japanese Individual Number (番号法施行令第8条), independent of stdnum."""
    if len(digits) != 12 or not digits.isdigit():
        return False
    body, check = digits[:11], int(digits[11])
    total = 0
    for n, ch in enumerate(reversed(body), start=1):
        q = n + 1 if n <= 6 else n - 5
        total += int(ch) * q
    rem = total % 11
    expected = 0 if rem <= 1 else 11 - rem
    return expected == check


def corporate_number_valid(digits: str) -> bool:
    """Check digit of the Japanese Corporate Number, independent of stdnum."""
    if len(digits) != 13 or not digits.isdigit():
        return False
    body = digits[1:]
    total = sum(int(ch) * (1 if i % 2 == 0 else 2) for i, ch in enumerate(reversed(body)))
    return int(digits[0]) == 9 - total % 9


def number_problems(text: str) -> list[str]:
    norm = unicodedata.normalize("NFKC", text)
    problems: list[str] = []
    for m in DIGIT_GROUPS.finditer(norm):
        groups = re.split(r"[ \-]", m.group())
        candidates = {
            "".join(groups[i : j + 1]) for i in range(len(groups)) for j in range(i, len(groups))
        }
        for s in sorted(candidates):
            if len(s) == 12 and (in_.is_valid(s) or my_number_valid(s)):
                problems.append(f"12-digit number passes the My Number check: {s}")
            if len(s) == 13 and (cn.is_valid(s) or corporate_number_valid(s)):
                problems.append(f"13-digit number passes the corporate-number check: {s}")
            if 13 <= len(s) <= 19 and luhn.is_valid(s):
                problems.append(f"{len(s)}-digit number passes Luhn: {s}")
    return problems


EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+\s*[@＠]\s*[A-Za-z0-9.\-]+")


def text_problems(text: str) -> list[str]:
    problems = number_problems(text)
    if "@" in text or "＠" in text or EMAIL.search(text):
        problems.append("contains an at-sign / e-mail address")
    for marking in BANNED_MARKINGS:
        if marking in text:
            problems.append(f"contains marking-like string {marking!r}")
    if re.search(r"極秘(?!裏)", text):
        problems.append("contains 極秘 outside 極秘裏")
    if not MIN_LEN <= len(text) <= MAX_LEN:
        problems.append(f"length {len(text)} outside {MIN_LEN}-{MAX_LEN}")
    return problems


def decoy_problems(kind: str, piece: str) -> list[str]:
    """Kind-specific sanity checks, so that each decoy really is the look-alike it claims to be."""
    digits = re.sub(r"[ \-]", "", piece)
    bad: list[str] = []
    if kind == JAN and not (len(piece) == 13 and ean.is_valid(piece)):
        bad.append(f"JAN code {piece} is not a valid EAN-13")
    if kind == ISBN and not (isbn.is_valid(piece) and len(digits) == 13):
        bad.append(f"ISBN {piece} is not a valid ISBN-13")
    if kind == NUM12 and not (len(piece) == 12 and piece.isdigit()):
        bad.append(f"{piece} is not a 12-digit number")
    if kind == NUM13 and not (len(piece) == 13 and piece.isdigit()):
        bad.append(f"{piece} is not a 13-digit number")
    if kind == CARD and not (digits.isdigit() and 13 <= len(digits) <= 19):
        bad.append(f"{piece} is not card-like")
    if kind == IPL:
        try:
            ipaddress.IPv4Address(piece)
            bad.append(f"{piece} is a valid IPv4 address")
        except ValueError:
            pass
    if kind == UUID:
        try:
            uuid.UUID(piece)
        except ValueError:
            bad.append(f"{piece} is not a UUID")
    if kind in (HASH, COMMIT) and not re.fullmatch(r"[0-9A-Fa-f:]+", piece):
        bad.append(f"{piece} is not hexadecimal")
    return bad


def assemble(segments: list[Segment]) -> tuple[str, list[dict[str, object]]]:
    parts: list[str] = []
    spans: list[tuple[str, int, int, str]] = []
    pos = 0
    for seg in segments:
        if isinstance(seg, str):
            piece = seg
        else:
            kind, piece = seg
            if kind not in KINDS:
                raise ValueError(f"unknown decoy kind {kind!r}")
            if not piece or piece != piece.strip():
                raise ValueError(f"decoy piece empty or padded with whitespace: {piece!r}")
            for problem in decoy_problems(kind, piece):
                raise ValueError(problem)
            spans.append((kind, pos, pos + len(piece), piece))
        parts.append(piece)
        pos += len(piece)
    text = "".join(parts)
    # Re-verify every offset against the assembled text.
    for kind, start, end, piece in spans:
        if text[start:end] != piece:
            raise AssertionError(f"offset mismatch for {kind} {piece!r}")
    decoys: list[dict[str, object]] = [
        {"kind": kind, "start": start, "end": end} for kind, start, end, _ in spans
    ]
    return text, decoys


def build() -> tuple[list[dict[str, object]], Counter[str]]:
    records: list[dict[str, object]] = []
    counts: Counter[str] = Counter()
    errors: list[str] = []
    for n, segments in enumerate(DOCS, start=1):
        doc_id = f"neg-{n:03d}"
        text, decoys = assemble(segments)
        errors += [f"{doc_id}: {p}" for p in text_problems(text)]
        if len(decoys) < MIN_DECOYS:
            errors.append(f"{doc_id}: only {len(decoys)} decoys")
        counts.update(str(d["kind"]) for d in decoys)
        records.append(
            {"id": doc_id, "genre": "hard_negative", "text": text, "entities": [], "decoys": decoys}
        )
    if errors:
        raise SystemExit("build failed:\n" + "\n".join(errors))
    return records, counts


def counts_table(records: list[dict[str, object]], counts: Counter[str]) -> str:
    lengths = [len(str(r["text"])) for r in records]
    total = sum(counts.values())
    lines = [
        f"Documents: {len(records)}; characters per document: {min(lengths)}-{max(lengths)} "
        f"(total {sum(lengths)}); decoys: {total}.",
        "",
        "| kind | decoys | what it is |",
        "|---|---:|---|",
    ]
    for kind in sorted(counts, key=lambda k: (-counts[k], k)):
        lines.append(f"| `{kind}` | {counts[kind]} | {KINDS[kind]} |")
    return "\n".join(lines)


def main() -> int:
    records, counts = build()
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    table = counts_table(records, counts)
    if README.exists():
        readme = README.read_text(encoding="utf-8")
        start, end = "<!-- counts:start -->", "<!-- counts:end -->"
        if start in readme and end in readme:
            head, rest = readme.split(start, 1)
            _, tail = rest.split(end, 1)
            README.write_text(f"{head}{start}\n{table}\n{end}{tail}", encoding="utf-8")
    print(f"wrote {OUT} ({len(records)} documents)")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())

package wording

import (
	"fmt"

	"kefucost/pricing"
)

// CheckLang accepts the languages outputs are written in: "" (Chinese),
// "zh" and "en".
func CheckLang(lang string) error {
	if lang != "" && lang != "zh" && lang != "en" {
		return fmt.Errorf("language must be zh or en, not %q", lang)
	}
	return nil
}

// FieldLabelsZH names the demand fields in Chinese.
var FieldLabelsZH = map[string]string{
	"chats_per_day":              "每日对话量",
	"messages_per_chat":          "每次对话消息数",
	"asr_minutes_per_day":        "每日语音识别分钟数",
	"online_agents":              "在线客服座席",
	"phone_agents":               "电话客服座席",
	"ai_voice_seats":             "AI 语音座席",
	"bots":                       "机器人数",
	"phone_numbers":              "电话号码数",
	"inbound_minutes_per_month":  "每月呼入分钟数",
	"outbound_minutes_per_month": "每月外呼分钟数",
	"robot_minutes_per_month":    "每月机器人通话分钟数",
	"ivr_channels":               "IVR 并发路数",
	"asr_channels":               "ASR 并发路数",
	"recorded_share":             "录音比例",
	"avg_call_minutes":           "平均通话时长",
	"call_length":                "通话时长模型",
	"growth_per_month":           "月增长率",
}

// VendorName is a vendor's name in lang ("en" or Chinese).
func VendorName(r *pricing.Result, lang string) string {
	if lang == "en" && r.NameEN != "" {
		return r.NameEN
	}
	if r.Name != "" {
		return r.Name
	}
	return r.Vendor
}

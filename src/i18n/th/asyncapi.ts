import type { asyncapiPanel as en } from '../en/asyncapi';

/**
 * Thai strings of the AsyncAPI import panel: every English key, no extras. Kafka and AsyncAPI terms
 * (topic, channel, operation, binding, broker, consumer group...) stay in English, as Thai
 * developers use them.
 */
export const asyncapiPanel: Record<keyof typeof en, string> = {
  'asyncapi.panel.title': 'นำเข้า AsyncAPI: {{file}}',
  'asyncapi.panel.invalid': 'ไฟล์นี้ไม่ใช่เอกสาร AsyncAPI ที่ถูกต้อง จึงไม่ได้นำเข้าอะไรเลย แคนวาสของคุณยังเหมือนเดิม ตัวตรวจ (parser) แจ้งว่า:',
  'asyncapi.panel.line': 'บรรทัด {{line}}',
  'asyncapi.panel.summary': '{{title}}: {{topics}} topic, producer/service/consumer group รวม {{applications}} ตัว, {{brokers}} broker',
  'asyncapi.panel.replaceHint': 'การนำเข้าจะแทนที่ทุกอย่างบนแคนวาส ถ้าอยากเก็บไว้ ให้ส่งออกก่อน',
  'asyncapi.panel.replace': 'แทนที่แคนวาส',
  'asyncapi.panel.load': 'สร้างแคนวาส',
  'asyncapi.panel.cancel': 'ยกเลิก',
  'asyncapi.panel.close': 'ปิด',
  'asyncapi.panel.done': 'นำเข้าแล้ว ตอนนี้แคนวาสแสดงเอกสารนี้',
  'asyncapi.notes.none': 'ทุกอย่างในเอกสารถูกนำมาครบ',
  'asyncapi.notes.skipped': 'ไม่ได้นำมา (Kafé ไม่ได้จำลองส่วนนี้)',
  'asyncapi.notes.adjusted': 'ปรับให้เข้ากับ Kafé',
  'asyncapi.notes.info': 'ตีความแบบนี้',

  'asyncapi.note.server': 'server “{{subject}}” ({{detail}}): Kafé จำลอง broker ของตัวเองแทน',
  'asyncapi.note.security': 'security “{{subject}}”: การจำลองไม่มีการยืนยันตัวตน',
  'asyncapi.note.channelParameters': 'channel “{{subject}}” มีพารามิเตอร์ในที่อยู่: กลายเป็น topic เดียว',
  'asyncapi.note.otherBindings': '{{subject}}: binding ของ {{detail}} (จำลองเฉพาะ Kafka)',
  'asyncapi.note.topicConfigs': 'topic {{subject}}: config {{detail}} ไม่ได้จำลอง',
  'asyncapi.note.bindingFields': '{{subject}}: ฟิลด์ Kafka binding {{detail}} ไม่ได้จำลอง',
  'asyncapi.note.extensions': '{{subject}}: extension {{detail}}',
  'asyncapi.note.messageSchemas': 'schema ของ message {{subject}}: เรคคอร์ดในการจำลองมีแค่ key กับชนิดอีเวนต์',
  'asyncapi.note.reply': 'operation “{{subject}}” มี reply: ไม่ได้จำลองแบบ request/reply',
  'asyncapi.note.noChannel': 'operation “{{subject}}” ไม่มี channel ให้วาด',
  'asyncapi.note.connection': 'operation “{{subject}}”: แคนวาสไม่รับลูกศรนี้ ({{detail}})',
  'asyncapi.note.extraMessages': '{{subject}} ส่งหลาย message ({{detail}}): ใช้ตัวแรก',
  'asyncapi.note.clamped': '{{subject}}: {{detail}} (ค่าที่ Kafé จำลองได้)',
  'asyncapi.note.renamed': '“{{subject}}” ใช้ชื่อ “{{detail}}” บนแคนวาส',
  'asyncapi.note.kafkaDefaults': 'topic {{subject}}: เอกสารไม่ได้ระบุ จึงใช้ค่าเริ่มต้นของ Kafka: {{detail}}',
  'asyncapi.note.compactDelete': 'topic {{subject}}: cleanup.policy compact,delete จำลองเป็น compact',
  'asyncapi.note.badKafeExtension': 'อ่าน extension x-kafe ไม่ได้: การตั้งค่าการจำลองเป็นค่าเริ่มต้น',
  'asyncapi.note.brokersAssumed': 'ไม่มีรายชื่อ broker: คลัสเตอร์มี {{detail}} broker พอสำหรับ replication factor ที่มากที่สุด',
  'asyncapi.note.subscribeAsConsumer': 'operation “{{subject}}” (subscribe ของ AsyncAPI 2 ที่มี consumer groupId) ถูกอ่านเป็น consumer group',
  'asyncapi.reason.empty': 'ไฟล์นี้ว่างเปล่า จึงไม่ได้นำเข้าอะไรเลย แคนวาสของคุณยังเหมือนเดิม',
  'asyncapi.reason.tooBig': 'ไฟล์นี้ หรือแคนวาสที่มันอธิบาย ใหญ่เกินกว่าที่ Kafé รับได้ จึงไม่ได้นำเข้าอะไรเลย แคนวาสของคุณยังเหมือนเดิม',
  'asyncapi.reason.parserFailed': 'ตัวตรวจ (parser) ของ AsyncAPI หยุดทำงานระหว่างอ่านไฟล์นี้ จึงไม่ได้นำเข้าอะไรเลย แคนวาสของคุณยังเหมือนเดิม',
  'asyncapi.reason.notAsyncApi': 'ไฟล์นี้ไม่ใช่เอกสาร AsyncAPI จึงไม่ได้นำเข้าอะไรเลย แคนวาสของคุณยังเหมือนเดิม',
  'asyncapi.reason.notMappable': 'Kafé แปลงเอกสารนี้เป็นแคนวาสไม่ได้ จึงไม่ได้นำเข้าอะไรเลย แคนวาสของคุณยังเหมือนเดิม',
  'asyncapi.reason.invalidCanvas': 'เอกสารนี้อธิบายแคนวาสที่ Kafé จำลองไม่ได้ จึงไม่ได้นำเข้าอะไรเลย แคนวาสของคุณยังเหมือนเดิม',
  'asyncapi.panel.technical': 'รายละเอียดทางเทคนิค (ภาษาอังกฤษ ตามที่ตัวอ่านแจ้ง):',
};

import type { exportCode as en } from '../en/export';

/**
 * Thai strings for the "Export as code" panel (the button's are in exportButton.ts): every English
 * key, no extras. Kafka terms (topic, broker, replication factor, assignor...) and shell commands
 * stay in English, as Thai developers use them.
 */
export const exportCode: Record<keyof typeof en, string> = {
  'export.downloaded': 'ดาวน์โหลด {{file}} แล้ว เป็นโปรเจกต์ Node.js ขนาดเล็กที่รันเส้นทางนี้บน Kafka ตัวจริงด้วย kafkajs ไฟล์ README ข้างในบอกว่าแต่ละไฟล์มาจากโหนดไหนบนแคนวาส',
  'export.steps': 'วิธีรัน',
  'export.steps.node': 'หนึ่งคำสั่งต่อหนึ่งโหนด แยกเทอร์มินัลกัน',
  'export.notes.skipped': 'ไม่ได้ส่งออก',
  'export.notes.adjusted': 'ปรับให้เข้ากับคลัสเตอร์จริง',
  'export.notes.info': 'ควรรู้',
  'export.notes.none': 'ทุกอย่างบนแคนวาสถูกส่งออกตามที่เป็นอยู่',
  'export.files': 'ไฟล์ ({{count}})',
  'export.again': 'ดาวน์โหลดอีกครั้ง',

  'export.note.producerNotConnected': '{{label}}: ไม่ได้เขียนลง topic ใดเลย จึงไม่มีอะไรให้ส่ง',
  'export.note.readerNotSubscribed': '{{label}}: ไม่ได้อ่าน topic ใดเลย จึงจะไม่ได้รับเรคคอร์ดใด ๆ',
  'export.note.duplicateTopic': 'topic ชื่อ {{topic}} ตัวที่สองไม่ได้ถูกส่งออก เพราะชื่อ topic ในคลัสเตอร์ต้องไม่ซ้ำกัน',
  'export.note.nothingToRun': 'บนแคนวาสไม่มีอะไรส่งหรืออ่านเรคคอร์ดเลย จึงไม่มีสคริปต์ให้รัน',
  'export.note.brokersMerged': 'แคนวาสมี broker {{brokers}} ตัว แต่โปรเจกต์รันแค่ตัวเดียว ซึ่งพอสำหรับลองเส้นทางนี้บนเครื่องของคุณ',
  'export.note.replicationCapped': 'เมื่อมี broker ตัวเดียว แต่ละ topic จะเก็บข้อมูลได้แค่ชุดเดียว จึงลด replication factor และ min.insync.replicas ลงเหลือ 1 ({{topics}})',
  'export.note.assignorMapped': '{{nodes}}: kafkajs ไม่มี assignor แบบ {{assignors}} จึงใช้แบบ round-robin แทน',
  'export.note.noKeys': '{{label}}: รูปแบบคีย์ “cycle” ไม่มีคีย์ให้วน จึงส่งเรคคอร์ดแบบไม่มีคีย์',
  'export.note.idempotentNeedsAcksAll': '{{label}}: idempotence ต้องใช้ acks=all แต่แคนวาสตั้ง acks={{acks}} ไว้ จึงปิด idempotence',
  'export.note.retryTopicMissing': '{{label}}: retry topic ของเซอร์วิสนี้ไม่อยู่บนแคนวาสแล้ว เรคคอร์ดที่ล้มเหลวจะถูกลองใหม่ในที่เดิม',
  'export.note.deadLetterTopicMissing': '{{label}}: dead-letter topic ของเซอร์วิสนี้ไม่อยู่บนแคนวาสแล้ว เรคคอร์ดที่ลองครบทุกครั้งแล้วยังล้มเหลวจะถูกทิ้ง',
  'export.note.badConnection': '{{label}}: ลูกศรที่แคนวาสไม่อนุญาต ({{edge}}) ถูกข้ามไป',
  'export.note.databaseNotExported': '{{label}}: บนแคนวาสบันทึกแต่ละ record ลงฐานข้อมูล ({{mode}}) แต่สคริปต์ไม่มีฐานข้อมูลและ publish อีเวนต์ทันที ให้ใช้ฐานข้อมูลและตาราง outbox ของคุณเอง (ดูบทที่ 18)',
  'export.note.schemaRefused': '{{label}}: schema registry บนแคนวาสปฏิเสธ schema ของมันสำหรับ {{subject}} ({{mode}} เทียบกับเวอร์ชัน {{latest}}): {{reason}} จึงไม่ส่งอะไรไปที่ {{topic}} เหมือนบนแคนวาส',
  'export.note.schemaCheckPending': '{{label}}: ยังไม่ได้ตรวจ schema (ตัวตรวจ schema ยังโหลดไม่เสร็จ) จึงไม่ได้ใส่ไว้ในโปรเจกต์ ให้ export อีกครั้ง',
  'export.note.writerSchemaNotUsed': '{{label}}: บนแคนวาสเขียนด้วย Avro schema แต่สคริปต์ส่งเป็น JSON และไม่ได้ลงทะเบียน schema ใด ๆ schema อยู่ใน {{file}} หากจะใช้ ให้ลงทะเบียนไว้ใต้ {{subject}} กับ schema registry',
  'export.note.readerSchemaNotUsed': '{{label}}: บนแคนวาสอ่านด้วย reader schema แต่สคริปต์อ่าน JSON ได้ทุกแบบ reader schema อยู่ใน {{file}}',
  'export.note.registryNotExported': '{{label}}: schema registry บนแคนวาสเก็บ {{subject}} ไว้ {{count}} เวอร์ชัน (compatibility {{mode}}) แต่โปรเจกต์ไม่มี registry เวอร์ชันทั้งหมดอยู่ใน {{files}}',
  'export.note.instances': '{{label}}: บนแคนวาสมี {{instances}} อินสแตนซ์ ให้รันสคริปต์นี้ {{instances}} ครั้ง หนึ่งโปรเซสต่อหนึ่งอินสแตนซ์',
  'export.note.joinsLater': '{{label}}: เข้าร่วมตอนเวลา {{seconds}} วินาที ให้เริ่มสคริปต์นี้หลังตัวอื่นสักพัก',
  'export.note.timelineNotExported': 'สิ่งที่คุณทำระหว่างที่การจำลองกำลังรัน {{count}} อย่าง ไม่ได้อยู่ในโปรเจกต์ ลองทำเองบนคลัสเตอร์จริงได้เลย',
};

# Spanish prompts (positives, then hard negatives)
ITEMS = [

("correo con firma", """
De: ⟦P:María del Carmen Ruiz de la Fuente|es⟧ <⟦E:mcruiz@transportes-meseta.es⟧>
Para: ⟦P:Íñigo Ibarra Zubizarreta|eu⟧ <⟦E:iibarra@transportes-meseta.es⟧>
CC: ⟦P:Jordi Vilaró i Pujol|ca⟧
Asunto: RE: Licitación flota Valladolid

Estimado Sr. ⟦P:Ibarra⟧:

Le adjunto la oferta revisada. ⟦P:Jordi⟧ ha validado los costes de mantenimiento con el taller de Getafe. Quedo pendiente de su confirmación antes del viernes.

Un saludo,
⟦P:Mamen⟧

⟦P:María del Carmen Ruiz de la Fuente⟧
Directora Comercial – Transportes Meseta S.L.
Calle de Alcalá 221, 28028 Madrid · Tel. ⟦T:+34 915 55 20 41⟧
"""),

("acta de reunión asistentes", """
ACTA – Comité de Dirección, 18 de septiembre
Asistentes: D. ⟦P:José Luis García-Paredes|es⟧ (presidente), Dña. ⟦P:Ainhoa Etxeberria Arrieta|eu⟧, ⟦P:Xoán Carballo Otero|gl⟧, ⟦P:Fátima Ouali|ma⟧ (videoconferencia)
Excusan asistencia: ⟦P:Ionuț Dragomir|ro⟧
Secretaria: ⟦P:Rocío Benjumea Lozano|es⟧

1. Presupuesto 2025: ⟦P:Ainhoa⟧ presenta el borrador; se aprueba con la abstención de ⟦P:Xoán⟧.
2. Plan de igualdad: ⟦P:Fátima⟧ informará al comité de empresa.
"""),

("nómina CSV apellidos nombre", """
id_empleado,apellidos,nombre,departamento,alta
E-0081,⟦P:Sánchez Olmedo⟧,⟦P:Lucía|es⟧,Administración,2015-03-02
E-0112,⟦P:Chang Wong⟧,⟦P:Luis|pe⟧,Almacén,2018-09-17
E-0129,⟦P:Higa Tamashiro⟧,⟦P:Keiko|ja⟧,Calidad,2019-01-07
E-0140,⟦P:Nsue Mangue⟧,⟦P:Trinidad|gq⟧,Recursos Humanos,2021-06-01
E-0151,⟦P:Wang⟧,⟦P:Lei|zh⟧,Compras,2023-02-13
"""),

("whatsapp minúsculas", """
[19:02] ⟦P:pili|es⟧: alguien sabe si ⟦P:dani⟧ trae las llaves del almacén mañana??
[19:03] ⟦P:kike⟧: creo q se las dio a la sra. ⟦P:montoya⟧
[19:03] ⟦P:pili⟧: ufff vale, le escribo a ⟦P:montoya⟧
[19:05] ⟦P:dani|es⟧: tranquis, las tengo yo jajaja
"""),

("historia clínica evolución", """
HOSPITAL UNIVERSITARIO – NOTA DE EVOLUCIÓN
Paciente: ⟦P:Encarnación Molina Vázquez|es⟧   NHC: 00418273   Cama: 312-B
Médico responsable: Dra. ⟦P:Yolanda Pérez-Cejudo|es⟧

Paciente de 79 años con enfermedad de Parkinson evolucionada y síndrome de Sjögren. Buena evolución tras ajuste de levodopa. Su hijo, D. ⟦P:Antonio Molina⟧, solicita informe para la mutua.
Firmado: Dr. ⟦P:Óscar Lindo Arroyo|es⟧ (MIR)
"""),

("parte de accidente seguro", """
Parte amistoso de accidente – Siniestro AUT-24-557102
Conductor A: ⟦P:Rubén Castaño Prieto|es⟧, DNI 12345678Z, tel. ⟦T:612 55 48 09⟧
Conductor B: ⟦P:Mayra Guamán Pilco|ec⟧, NIE X1234567L
Testigo: ⟦P:Ahmed Bensaïd|ma⟧
Descripción: el vehículo B se incorpora desde la Avenida Simón Bolívar sin ceder el paso. La Sra. ⟦P:Guamán⟧ reconoce la infracción.
Tramitador: ⟦P:Sergio Ballesteros|es⟧
"""),

("ticket soporte", """
Incidencia #55031 – No funciona la impresora de la 2ª planta
Solicitante: ⟦P:Nuria Casals Ferrer|ca⟧ (Contabilidad)
Asignado a: ⟦P:Wilson Andrade|ec⟧ – Soporte N1
Descripción: La impresora HP de contabilidad no imprime desde el lunes. ⟦P:Nuria⟧ indica que ⟦P:Marta⟧, de la misma planta, sí puede imprimir.
Comentario (⟦P:Wilson Andrade⟧): reinstalado el driver, pendiente de confirmación.
"""),

("registro de accesos", """
2024-04-22 07:45:19 INFO  inicio de sesión de ⟦P:Gonzalo Echeverría|cl⟧ (usuario gecheverria) desde 10.8.3.19
2024-04-22 07:51:02 INFO  pedido PO-88172 aprobado por ⟦P:Gonzalo Echeverría⟧
2024-04-22 08:03:44 WARN  usuario bloqueado: compras04
2024-04-22 08:10:27 INFO  permisos de administrador concedidos a ⟦P:Yusneidy Carrasquel|ve⟧ por ⟦P:Camila Ferreyra|ar_la⟧
"""),

("git log", """
commit 2e4f6a8c0b1d3e5f7a9c2b4d6e8f0a1c3e5b7d9f
Author: ⟦P:Alejandro Villanueva Soto|mx⟧ <⟦E:alejandro.villanueva@quetzal-labs.mx⟧>
Date:   Thu Jul 11 18:22:04 2024 -0600

    Corrige cálculo de IVA en facturas rectificativas

    Co-authored-by: ⟦P:Xóchitl Tlapanco Ramírez|nah⟧ <⟦E:xochitl.tlapanco@quetzal-labs.mx⟧>
"""),

("convocatoria calendario", """
Convocatoria: Revisión trimestral – Zona Norte
Cuándo: martes, 15 de octubre de 2024, 16:00–17:00 (CET)
Dónde: Sala Picos de Europa / Teams
Organizador: ⟦P:Borja Álvarez-Cienfuegos|es⟧
Asistentes: ⟦P:Covadonga Suárez|es⟧; ⟦P:Aitor Zabala|eu⟧; ⟦P:Ngozi Okafor-Ruiz|ig⟧; Sr. ⟦P:Lorenzo Baca⟧ (opcional)
"""),

("contrato de arrendamiento partes", """
CONTRATO DE ARRENDAMIENTO DE VIVIENDA

En Sevilla, a 1 de marzo de 2024.

REUNIDOS

De una parte, D. ⟦P:Francisco Javier Muñoz Bermejo|es⟧, mayor de edad, con DNI 28765432K, en calidad de ARRENDADOR.

De otra parte, Dña. ⟦P:Trinidad Nsue Mangue⟧ y D. ⟦P:Pablo Oyono Ela|gq⟧, con domicilio a efectos de notificaciones en Calle Feria 14, en calidad de ARRENDATARIOS.
"""),

("noticia de prensa", """
CIUDAD DE MÉXICO. — La secretaria de Desarrollo Económico, la licenciada ⟦P:Guadalupe Hernández Cuautle|mx⟧, presentó este lunes el programa de apoyo a pymes. "Queremos llegar a 40 mil negocios", afirmó ⟦P:Hernández Cuautle⟧. El empresario ⟦P:Rodrigo Zambrano|mx⟧, presidente de la Canacintra local, calificó la medida de "insuficiente". La presentación tuvo lugar en el Museo Soumaya.
"""),

("nota de traspaso vacaciones", """
Traspaso – vacaciones de ⟦P:Carolina⟧ (5–23 agosto)
- Cliente Mercadona: lo lleva ⟦P:Diego Lozano|es⟧; el contacto allí es la Sra. ⟦P:Inmaculada Roig|ca⟧.
- Facturas pendientes: revisar con ⟦P:Milagros Quispe|pe⟧ (⟦T:+34 655 21 07 88⟧).
- El portátil de ⟦P:Carolina⟧ está en el armario de ⟦P:Quique⟧.
¡Gracias! – ⟦P:Carolina Ureña|es⟧
"""),

("tabla markdown contactos LatAm", """
| Nombre | Cargo | País | Teléfono |
|---|---|---|---|
| ⟦P:Valentina Bustos Aravena|cl⟧ | Gerente de cuentas | Chile | ⟦T:+56 9 5555 1234⟧ |
| ⟦P:Facundo Sosa Paz|ar_la⟧ | Preventa | Argentina | ⟦T:+54 9 11 5555-0187⟧ |
| ⟦P:Arami Benítez Ayala|gn⟧ | Soporte | Paraguay | ⟦T:+595 981 555 402⟧ |
| ⟦P:Juan Camilo Restrepo|co⟧ | Ventas | Colombia | ⟦T:+57 310 555 8842⟧ |
"""),

("CRM JSON", """
[
  {"id_cliente": 7701, "contacto": "⟦P:Luz Marina Ospina|co⟧", "email": "⟦E:lmospina@cafeteros-andinos.co⟧", "empresa": "Cafeteros Andinos", "fase": "propuesta"},
  {"id_cliente": 7702, "contacto": "⟦P:Ximena Huamán Condori|qu⟧", "email": "⟦E:xhuaman@textilcusco.pe⟧", "empresa": "Textil Cusco", "fase": "negociación"},
  {"id_cliente": 7703, "contacto": "⟦P:Yanet Rodríguez Pupo|cu⟧", "email": null, "empresa": "Habana Tours", "fase": "descubrimiento"}
]
"""),

("INSERT SQL socios", """
INSERT INTO socios (num, nombre_completo, localidad, cuota) VALUES
  (1, '⟦P:Montserrat Vidal i Roca|ca⟧', 'Girona', 40.00),
  (2, '⟦P:Abdoulaye Ndiaye|wo⟧', 'Lleida', 40.00),
  (3, '⟦P:Maite Goikoetxea|eu⟧', 'Donostia', 20.00),
  (4, '⟦P:Radu Constantinescu|ro⟧', 'Castellón', 20.00);
"""),

("carta de reclamación", """
⟦P:Sergio Amador Heredia|es⟧
C/ Sierpes 42, 3º B
41004 Sevilla

A la atención del Servicio de Atención al Cliente de Iberdrola

Muy señores míos:

Les escribo porque la factura de junio duplica el consumo habitual. Ya lo comuniqué por teléfono a su agente, ⟦P:Raquel⟧, el 3 de julio, sin respuesta. Mi esposa, ⟦P:Lidia Fajardo⟧, titular del contrato, autoriza esta reclamación.

Atentamente,
⟦P:Sergio Amador Heredia⟧
"""),

("sentencia juzgado", """
JUZGADO DE PRIMERA INSTANCIA Nº 4 DE VALENCIA
SENTENCIA Nº 118/2024

En Valencia, a 9 de abril de 2024.
Vistos por mí, Dña. ⟦P:Amparo Llorca Sempere|ca⟧, Magistrada-Juez, los presentes autos de juicio verbal seguidos a instancia de D. ⟦P:Vicente Ferrándiz Mollá|ca⟧, representado por el procurador D. ⟦P:Eduardo Ribes⟧ y asistido por la letrada Dña. ⟦P:Nerea Oyarzábal|eu⟧, contra SEGUROS LEVANTE, S.A.
"""),

("denuncia policial", """
DILIGENCIA DE DENUNCIA – Comisaría de Distrito Centro
Denunciante: ⟦P:Kenji Morales Tanaka|pe⟧, de nacionalidad peruana
Hechos: el denunciante manifiesta que el día 14 le sustrajeron la cartera en la Plaza Mayor. Una testigo, ⟦P:Begoña Urrutia|eu⟧, vio a un varón de unos 30 años huir hacia la calle Toledo.
Instructor: Agente ⟦P:Paula Rivas⟧ (carné 88421)
"""),

("entrevista de selección", """
Candidata: ⟦P:Itziar Aranburu Lasa|eu⟧
Puesto: Responsable de Calidad
Entrevistadores: ⟦P:Manuel Expósito⟧ (RR. HH.), ⟦P:Jacinta Mamani|qu⟧ (Dirección de Operaciones)
Valoración: muy buena. ⟦P:Jacinta⟧ propone segunda entrevista con el director, Sr. ⟦P:Calatrava⟧.
"""),

("cuadrante de turnos", """
Cuadrante semana 12 – Recepción
Lunes:    ⟦P:Yohana Espinal|co⟧ (M) / ⟦P:Martín Iturbe|eu⟧ (T)
Martes:   ⟦P:Martín Iturbe⟧ (M) / ⟦P:Aleksandra Popova|bg⟧ (T)
Miércoles:⟦P:Aleksandra Popova⟧ (M) / ⟦P:Yohana Espinal⟧ (T)
Cambios solo con el visto bueno de ⟦P:Reme⟧.
"""),

("chat atención al cliente", """
[12:40] Agente (⟦P:Noelia⟧): Hola, bienvenido a Movistar. ¿En qué puedo ayudarte?
[12:41] Cliente: Hola, soy ⟦P:Jesús Alberto Carmona|mx⟧, no tengo fibra desde ayer
[12:42] Cliente: mi teléfono de contacto es ⟦T:600 55 31 27⟧
[12:44] Agente (⟦P:Noelia⟧): Gracias, ⟦P:Jesús⟧. He abierto una avería y un técnico te llamará hoy.
"""),

("hoja de gastos", """
Liquidación de gastos LG-24-077
Empleado: ⟦P:Gabriel Sepúlveda Rojas|cl⟧
Viaje: Lima, 3–6 junio (cliente Alicorp)
Comida de trabajo 04/06 con ⟦P:Rosa Elvira Chumpitaz|pe⟧ y ⟦P:Hiroshi Kanashiro|pe⟧
Aprobado por: ⟦P:Pilar Sanmartín|es⟧
"""),

("boletín bienvenida", """
¡Damos la bienvenida a nuestras nuevas incorporaciones! ⟦P:Guillermo Landa|mx⟧ se une al equipo de Monterrey, ⟦P:Dayana Pirela|ve⟧ refuerza atención al cliente en Madrid y ⟦P:Olusegun Bakare|yo⟧ llega como ingeniero de datos. ⟦P:Dayana⟧ viene de Telefónica.
"""),

("git blame", """
5a6b7c8d (⟦P:Agustín Pereyra|ar_la⟧   2023-08-21 12:03:44 -0300  88)     total = redondear(total, 2)
5a6b7c8d (⟦P:Agustín Pereyra⟧   2023-08-21 12:03:44 -0300  89)     if total < 0:
e9f8a7b6 (⟦P:Soledad Inostroza|cl⟧ 2024-03-05 09:15:27 -0300  90)         raise ValueError("total negativo")
"""),

("contactos de emergencia", """
CONTACTOS DE EMERGENCIA – Obra Torre Levante
Jefe de obra: ⟦P:Ramón Tejedor|es⟧ – ⟦T:629 55 14 08⟧
Coordinadora de seguridad: ⟦P:Marisa Gallardo|es⟧ – ⟦T:677 55 32 91⟧
Encargado: ⟦P:Bouchaib El Idrissi|ma⟧ – ⟦T:644 55 76 20⟧
"""),

("formulario mayúsculas", """
SOLICITUD DE BECA – CURSO 2024/2025
APELLIDOS: ⟦P:QUISPE MAMANI|qu⟧
NOMBRE: ⟦P:WILMER⟧
CENTRO: UNIVERSIDAD MAYOR DE SAN ANDRÉS
REVISADO POR: LIC. ⟦P:ARCE⟧
"""),

("correo formal México", """
Estimado Ing. ⟦P:Barragán|mx⟧:

Por instrucciones del C.P. ⟦P:Mauricio Echánove|mx⟧ le hago llegar la conciliación bancaria de agosto. Cualquier duda, favor de comunicarse con la Lic. ⟦P:Itzel Cuevas⟧ al ⟦T:+52 55 5555 0142⟧.

Saludos cordiales,
⟦P:Brenda Solís⟧
Asistente de Dirección
"""),

("correo informal Argentina", """
Che ⟦P:Facu⟧, ¿cómo va?

Te paso lo que hablamos con la Flaca ⟦P:Romina⟧ del depósito: ⟦P:Romina Giménez|ar_la⟧ necesita el remito firmado por ⟦P:Nahuel⟧ antes del jueves. Si no, lo firma Don ⟦P:Osvaldo⟧.

Abrazo,
⟦P:Lautaro|ar_la⟧
"""),

("informe clínico Colombia", """
CLÍNICA DEL NORTE – Barranquilla
Paciente: ⟦P:Luz Dary Montes Pacheco|co⟧   Edad: 58 años
Remitida por: Doctora ⟦P:Sandra Milena Cárdenas|co⟧
Diagnóstico: linfoma de Hodgkin en remisión, diabetes tipo 2.
Acompañante: ⟦P:Jhon Fredy Montes|co⟧ (hijo), cel. ⟦T:+57 300 555 2716⟧
"""),

("nota de equipo diverso España", """
Reparto de tareas – inventario anual
Zona A: ⟦P:Ionuț Dragomir⟧ y ⟦P:Wang Lei⟧
Zona B: ⟦P:Fátima Ouali⟧ y ⟦P:Oumar Sissoko|bm⟧
Zona C: ⟦P:Yuliia Hnatiuk|uk⟧ y ⟦P:Marcos Ferreiro|gl⟧
Supervisión: ⟦P:Encarni⟧ (turno de mañana), ⟦P:Pepe Salcedo⟧ (tarde)
"""),

("correo universidad Chile", """
Estimada Profesora ⟦P:Millaray Huenchumilla|cl⟧:

Junto con saludar, le escribo para solicitar una reunión sobre mi tesis. Mi codirector, el Dr. ⟦P:Tomás Valdebenito⟧, sugirió que también participe ⟦P:Antonia Riquelme|cl⟧, del laboratorio de hidrología.

Atentamente,
⟦P:Ignacio Fuenzalida⟧
"""),

("teams chat horario", """
[08:31] ⟦P:Raúl Cifuentes|es⟧: buenos días, ¿quién lleva hoy la demo con El Corte Inglés?
[08:32] ⟦P:Sun-hee Kwon|ko⟧: ⟦P:Adrián⟧ y yo
[08:32] ⟦P:Adrián Peralta|es⟧: confirmado, ⟦P:Sun-hee⟧ hace la parte técnica
[08:34] ⟦P:Raúl Cifuentes⟧: genial, avisad a Dña. ⟦P:Remedios⟧ cuando acabéis
"""),

("correo reenviado Perú", """
---------- Mensaje reenviado ---------
De: ⟦P:Milagros Chávez Ñahui|qu⟧ <⟦E:mchavez@agroexport-ica.pe⟧>
Fecha: lun, 2 sept 2024, 10:14
Asunto: Certificados de origen
Para: ⟦P:Luis Chang Wong⟧ <⟦E:lchang@agroexport-ica.pe⟧>

⟦P:Luis⟧: los certificados ya están firmados por el Ing. ⟦P:Takeshi Yamashiro|pe⟧. Falta el visto bueno de la Sra. ⟦P:Huarcaya⟧.

⟦P:Milagros⟧
"""),

("hoja de firmas formación", """
CURSO: Prevención de riesgos laborales – 12/11/2024
Formadora: ⟦P:Estíbaliz Uriarte Beristain|eu⟧

Nº | Apellidos y nombre | Firma
1 | ⟦P:Cortés Heredia, Manuel|es⟧ | ✔
2 | ⟦P:Diallo, Mariama|bm⟧ | ✔
3 | ⟦P:Popescu, Andreea|ro⟧ | ✔
4 | ⟦P:Zhou, Xiaoling|zh⟧ | ausente
"""),

("transcripción mensaje de voz", """
Transcripción automática – buzón de voz, 17:42
"Hola, buenas tardes, soy ⟦P:Remedios Arjona|es⟧, de la gestoría Arjona y Asociados. Llamo por el expediente de su madre, doña ⟦P:Consuelo Téllez Ordóñez|es⟧. Si me puede devolver la llamada al ⟦T:954 55 07 31⟧, o que me llame su hermano ⟦P:Curro⟧. Gracias, hasta luego."
"""),

]

ITEMS += [

("neg: tabla de ciudades que parecen nombres", """
| Sede        | País      | Empleados | Responsable |
|-------------|-----------|-----------|-------------|
| Concepción  | Chile     | 74        | vacante     |
| Mercedes    | Uruguay   | 21        | interino    |
| Dolores     | Argentina | 9         | vacante     |
| Rosario     | Argentina | 112       | ver organigrama |
| Soledad     | Colombia  | 38        | vacante     |
| Trinidad    | Cuba      | 15        | vacante     |
"""),

("neg: callejero", """
Ruta de reparto – zona centro
1. Calle de Alcalá, 45 – Madrid
2. Paseo de la Castellana, 259 – Madrid
3. Avenida Simón Bolívar, 12 – Bilbao
4. Calle Fernando el Católico, 30 – Zaragoza
5. Plaza de Antonio Machado, 2 – Soria
6. Avenida Diagonal, 640 – Barcelona
"""),

("neg: empresas y marcas", """
Resumen bursátil: Inditex (Zara) y Santander lideran las subidas del Ibex 35; Telefónica e Iberdrola cierran planas. En consumo, Mercadona y El Corte Inglés amplían su red logística. Carolina Herrera y Loewe presentan colecciones en París, mientras Bimbo y Roca anuncian inversiones en México.
"""),

("neg: protocolo enfermedades epónimas", """
Criterios de derivación – Unidad de Neurología
- Enfermedad de Parkinson con fluctuaciones motoras.
- Enfermedad de Alzheimer en fase leve.
- Síndrome de Guillain-Barré: derivación urgente.
- Enfermedad de Chagas con afectación cardiaca: valorar por Cardiología.
- Síndrome de Down en adultos: consulta específica.
"""),

("neg: instituciones y premios", """
La entrega del Premio Cervantes se celebrará en la Universidad de Alcalá. Los invitados llegarán al Aeropuerto Adolfo Suárez Madrid-Barajas y se alojarán cerca del Estadio Santiago Bernabéu. Colaboran el Instituto Cervantes, la Fundación Juan March, el Hospital Gregorio Marañón y la Universidad Carlos III.
"""),

("neg: orden del día", """
ORDEN DEL DÍA – Jornada de Planificación, lunes 3 de febrero
09:00 Bienvenida y Objetivos del Año
09:30 Resultados de Enero
10:30 Campaña de Primavera y Semana Santa
12:00 Recursos Humanos: Calendario de Vacaciones de Agosto
13:00 Almuerzo – Sala Mediterráneo
15:00 Conclusiones y Próximos Pasos
"""),

("neg: registro cuentas de servicio", """
2024-12-02 02:00:00 INFO  copia de seguridad iniciada por svc_backup
2024-12-02 02:38:51 INFO  copia completada (212 GB)
2024-12-02 07:55:13 WARN  fallo de autenticación: usuario admin desde 10.4.4.2
2024-12-02 07:55:40 WARN  fallo de autenticación: usuario nominas01
2024-12-02 08:00:00 INFO  proceso cierre_mensual ejecutado por robot-finanzas
"""),

("neg: organigrama", """
Organigrama – Dirección de Operaciones
Director General
├── Dirección Financiera (vacante)
├── Dirección de Recursos Humanos
│   ├── Selección y Desarrollo
│   └── Nóminas y Administración
├── Dirección Comercial
└── Calidad y Medio Ambiente (interino)
"""),

("neg: catálogo de productos", """
SKU | Producto | Marca | PVP
MV-2201 | Seat León e-Hybrid (renting) | SEAT | 389 €/mes
CF-1180 | Cafetera Dolce Gusto Genio S | De'Longhi | 99 €
TV-5540 | Televisor Bravia 55" | Sony | 849 €
ZP-0077 | Zapatillas Stan Smith | Adidas | 110 €
RP-3012 | Polo Fred Perry M3600 | Fred Perry | 95 €
"""),

]

D("https://www.nhnieuws.nl/nieuws/266884/telefoon-staat-roodgloeiend-bij-horecaondernemers-in-medemblik","news",
"Toch voorziet hij ook problemen. Een plekje reserveren in een kroeg gaat namelijk stukken lastiger dan in een restaurant: \"Een paar klanten zeiden dat ze willen langskomen om 23.00 uur. Maar dan moet ik tegen andere mensen die om 20.00 uur binnenkomen, zeggen dat ze op tijd weer moeten vertrekken\", vertelt hij. \"Dat zijn wij niet gewend.\"",
 C("Guests of a pub."))
D("https://nos.nl/artikel/2378531-na-ruim-zes-maanden-weer-het-terras-naar-buiten-enorme-opluchting.html","news",
"Kuzelj verwacht dat de heropening haar financieel iets oplevert. \"We hebben een groot terras en ook de reserveringen voor het hotel stromen binnen. Bovendien heb ik geleerd slim in te kopen zodat er weinig derving is. Veel ingrediënten komen in meer gerechten voor: dus we serveren de hele menukaart maar dan in zes uur tijd.\"",
 C("A restaurant buying ingredients (separable 'in te kopen').","inkopen"))
D("https://www.nrc.nl/nieuws/2021/11/26/straks-moeten-we-helemaal-dicht-a4067025","news",
"Hoeveel zin heeft het dan überhaupt nog om open te gaan, vraagt Van Asperen zich nu af. „Stel dat ik lunch draai voor twintig man. Wat ik dan al betaal aan gas, licht, inkoop...” Om over de kosten voor personeel nog maar te zwijgen.",
 C("Purchasing costs of a café."))
D("https://groetenvanons.blogspot.com/2015/04/klaarmaken-voor-de-apk.html","blog",
"Gelukkig zijn er ook andere garages. Zij bellen vooraf de klant en noemen de knelpunten en eventuele kosten om zo een go of no go te krijgen voor herstel en verdere keuring. Die werkwijze  bevalt mij het beste.",
 C("Customer of a car garage."))
D("https://www.ad.nl/waterweg/cafe-sjiek-is-in-20-jaar-uitgegroeid-tot-geliefde-plek-voor-jong-en-oud-hier-zit-moeder-zoon-en-opa~ac4dcc76/","news",
"Restaurants vol onzekerheid, maar klanten snappen het niet: ‘We krijgen echt van alles naar ons hoofd’",
 C("Restaurant guests."))
